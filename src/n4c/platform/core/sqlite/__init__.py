"""Django's SQLite backend, making the database file readable by its owner only (0600).

The file holds personal data. SQLite would create it with the process's umask (usually
readable by everyone on the machine), so :class:`~n4c.platform.core.sqlite.base.DatabaseWrapper`
creates it owner-only just before SQLite first opens it, and narrows a file made earlier the
same way. SQLite gives its journal and WAL files the database file's permissions, so they
follow. The settings use this backend whenever the database is SQLite.
"""
