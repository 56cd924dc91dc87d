"""People: Django users with a profile giving their role in the Network and their region.

Foundation: imports ``regions``, ``audit`` and ``core``, never ``areas`` or a work app; it
grants the lower apps' permissions by role (``people.backends``).
"""
