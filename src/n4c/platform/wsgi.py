"""WSGI entry point: ``n4c serve`` hands this application to waitress."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "n4c.platform.settings")
application = get_wsgi_application()
