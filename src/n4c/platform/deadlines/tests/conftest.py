"""The community-rights apps share their fixtures: two areas in two regions and people with each kind of access."""

from n4c.platform.assets.tests.conftest import (  # noqa: F401
    adviser,
    area,
    client_for,
    national,
    other_area,
    regions,
    resident_elsewhere,
    specialist,
)
