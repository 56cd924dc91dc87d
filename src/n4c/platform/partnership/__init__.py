"""The partnership workspace: residents lead their area's work.

Each area's residents' partnership has roles (member, chair, treasurer and the others kept on
the resident's record; staff attached as observer or facilitator), members propose items for
the area's plan, which the chair or staff accept or decline with a reason, and the partnership
records its decisions by vote: the chair opens a decision with options, each member votes
once, and the result is kept with its counts and reasons. Who may do what in which area is
decided once, in :mod:`n4c.platform.partnership.access`; every change is audited.

Sits among the work apps: uses residents (who is a member) and plans (accepted items become
actions); nothing below it imports it.
"""
