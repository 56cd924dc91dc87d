"""Residents on area partnerships: their personal data, handled as UK GDPR asks.

Minimal fields (name and, if they want to be contacted, an email or phone number), consent
recorded with what was agreed, when and how, an export of everything held on a person, and
erasure (anonymise or delete) that also scrubs the audit log. Only the people who may change
the area (its adviser and community worker, its hub lead, the national team) see its residents.
"""
