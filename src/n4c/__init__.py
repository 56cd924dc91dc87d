"""n4c: software for the Network for Communities.

The analytics core (``n4c.data``, ``n4c.needs``, ``n4c.allocation``, ``n4c.spending``,
``n4c.rights``, ``n4c.rollout``) is pure Python; ``n4c.platform`` is the Django web
application built on it, and ``n4c.cli`` is the ``n4c`` command.
"""

__version__ = "0.1.0"
