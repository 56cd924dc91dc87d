"""The community right to bid: cases about an asset of community value, what happened in each and
the statutory dates that follow (listing, moratoria, protected period), with extensions agreed
in writing and closing a case.

The dates come from the pure engine in :mod:`n4c.rights` (rule files with citations). Imports
the register (:mod:`n4c.platform.assets`) and the areas, never the apps above it (deadlines).
"""
