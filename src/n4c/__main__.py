"""``python -m n4c`` runs the ``n4c`` command."""

from n4c.cli import main

main()
