"""Community-rights deadlines: the calendar of upcoming statutory dates across areas, each area's
iCalendar feed (also at a secret address for calendar apps) and the e-mailed reminders.

The top of the community-rights apps: it reads right-to-bid cases
(:mod:`n4c.platform.right_to_bid`) and neighbourhood plans
(:mod:`n4c.platform.neighbourhood_planning`) and their dates; nothing below imports it.
"""
