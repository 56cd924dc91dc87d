"""Neighbourhood planning: an area's neighbourhood plans, the statutory stages each has reached
and the dates that follow (consultations, examination, referendum).

Like a right-to-bid case, only what happened is stored; the dates are computed by the
neighbourhood-planning rules of :mod:`n4c.rights`. A neighbourhood plan is the statutory plan
of the Localism Act 2011, not the Network's own area plan (:mod:`n4c.platform.plans`). Imports
the register app (for the dated event and its pages' sections) and the areas, never the apps above.
"""
