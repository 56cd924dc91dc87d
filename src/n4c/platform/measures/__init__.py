"""Local measures of success: what an area's partnership chooses to count (or tell, or show),
with a unit, a direction, a target and values recorded over time.

Members of the area's partnership propose measures and record values in their own area only;
staff who may change the area (:func:`~n4c.platform.areas.access.can_edit_area`) record too
and change or agree the measures (:mod:`n4c.platform.measures.access`). Progress is said in
words by :func:`~n4c.platform.measures.progress.describe_progress`. Sits with the work apps,
above ``areas``.
"""
