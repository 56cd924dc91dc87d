"""Residents' surveys for "Learning from the start": waves at each site (a supported area, or a
comparison ward known only by its code), responses online and on paper, and the results pages.
The questionnaire and the statistics live in :mod:`n4c.evaluate.surveys`."""
