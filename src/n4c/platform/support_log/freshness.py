"""When cached pages about support go stale: :data:`SUPPORT_VERSION`, bumped on every change.

The monthly report and the support panel of an area's page are cached as fragments under this
version (see :mod:`n4c.platform.core.fragments`), so a new entry, assignment, area or region
shows at once. ``SupportLogConfig.ready`` connects the changes that bump it.
"""

from __future__ import annotations

from n4c.platform.core.fragments import (
    FRAGMENT_SECONDS,
    FragmentVersion,
    bump_version_of,
    version_of,
)

# The asset map still imports the first three from here; they live in core.fragments.
__all__ = ["FRAGMENT_SECONDS", "SUPPORT_VERSION", "bump_version_of", "version_of"]

SUPPORT_VERSION = FragmentVersion("support")
