"""Community covenants: the partners who sign an area's plan (council, health, police, housing,
the voluntary sector), what each commits to and by when, and when they will review it.

A commitment is kept, dropped or still open; an open one past its due date is late, worked out
when it is shown (:meth:`~n4c.platform.covenants.models.Commitment.state_on`), never stored.
Whoever may read the area reads its covenant; whoever may change the area
(:func:`~n4c.platform.areas.access.area_for_editing`) records signatures and updates. Above
``plans`` (a covenant signs the area's plan); nothing below imports it.
"""
