"""When cached pages about support go stale: :data:`SUPPORT_VERSION`, bumped on every change.

The monthly report and the support panel of an area's page are cached as fragments under this
version (see :mod:`n4c.platform.core.fragments`), so a new entry, assignment, area or region
shows at once. ``SupportLogConfig.ready`` connects the changes that bump it.
"""

from __future__ import annotations

from n4c.platform.core.fragments import FragmentVersion

__all__ = ["SUPPORT_VERSION"]

SUPPORT_VERSION = FragmentVersion("support")
