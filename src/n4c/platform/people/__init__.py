"""People: Django users with a profile giving their role in the Network and their region."""
