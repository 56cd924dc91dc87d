"""Caseloads: which adviser and community worker hold which area, within the limits."""
