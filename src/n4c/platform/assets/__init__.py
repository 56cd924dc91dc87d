"""Community assets: each area's asset register, its CSV import and export, and its offline map.

The first of the community-rights apps; above it, and free to import it, sit
:mod:`~n4c.platform.right_to_bid` (cases about an asset), :mod:`~n4c.platform.neighbourhood_planning`
and, at the top, :mod:`~n4c.platform.deadlines` (calendars, feeds, reminders). This app imports
none of them: they add their sections to its pages through :mod:`.panels`. Each asset is checked
by the pure register rules of :mod:`n4c.rights`; who sees what follows the areas' access rules.
"""
