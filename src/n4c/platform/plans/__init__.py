"""Area plans: vision, priorities, actions with owner and due date, milestones, Year Zero checklist.

Every queryset starts from :func:`n4c.platform.areas.access.areas_visible_to` (reading) or
:func:`~n4c.platform.areas.access.areas_editable_by` (changing).
"""
