"""Neighbourhood profiles: one page about a ward, council, LSOA or group of wards or LSOAs,
on the IMD 2019 (2017 wards, 2019 councils, LSOAs 2011) or the IMD 2025 (2024 wards and
councils, LSOAs 2021), whichever the place's boundaries belong to.

Owns what a profile shows (:func:`build_profile` gathers it into a :class:`Profile` from
``n4c.needs``, ``n4c.places`` and ``n4c.maps``) and how it is drawn: a self-contained HTML
file (:func:`render_html`), the same body for the platform's page (:func:`render_body`) and an
A4 PDF made offline by WeasyPrint (:func:`write_pdf`). Never imports the platform or Django.
"""

from __future__ import annotations

from n4c.profiles.build import (
    PROFILE_DATASETS,
    area_for_place,
    area_for_wards,
    build_profile,
    data_version,
)
from n4c.profiles.html import PROFILE_CSS, render_body, render_html
from n4c.profiles.iod2025 import area_for_codes
from n4c.profiles.model import (
    Comparison,
    EditionFigure,
    LeftBehindStatus,
    MapPoint,
    Profile,
    ProfileArea,
    Source,
)
from n4c.profiles.pdf import write_pdf

__all__ = [
    "PROFILE_CSS",
    "PROFILE_DATASETS",
    "Comparison",
    "EditionFigure",
    "LeftBehindStatus",
    "MapPoint",
    "Profile",
    "ProfileArea",
    "Source",
    "area_for_codes",
    "area_for_place",
    "area_for_wards",
    "build_profile",
    "data_version",
    "render_body",
    "render_html",
    "write_pdf",
]
