"""Audit trail: who changed what, when, with the values before and after.

Foundation: imports only ``core``; every app above records its changes here. It knows no
role, so its page asks ``has_perm("audit.view_auditevent")``.
"""
