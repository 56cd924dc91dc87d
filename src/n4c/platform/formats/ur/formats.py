"""Urdu as written in Pakistan and by Urdu speakers in England: 7,433.5."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
