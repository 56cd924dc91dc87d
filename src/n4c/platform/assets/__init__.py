"""Community assets and rights on the platform: each area's asset register and the right-to-bid cases.

The dates come from the pure engine in :mod:`n4c.rights` (rule files with citations); this app
stores assets, cases and their events, and shows timelines, calendars, an iCalendar feed and
reminders. Who sees what follows the areas' access rules.
"""
