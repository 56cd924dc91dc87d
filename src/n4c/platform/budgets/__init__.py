"""Participatory budgeting for an area: residents vote online or on paper on proposals within a
budget, counted by :mod:`n4c.panels`, with each proposal's reason shown once results are published.

May import areas, residents, people, audit and core; no other work app.
"""
