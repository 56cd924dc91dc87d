"""What a neighbourhood profile holds: the place, its figures beside its council's, region's and
England's, its editions, its 'left behind' answers, its map and its sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from n4c.words import gettext_noop

__all__ = [
    "AreaKind",
    "Comparison",
    "EditionFigure",
    "LeftBehindStatus",
    "MapPoint",
    "Profile",
    "ProfileArea",
    "Source",
]

AreaKind = Literal["ward", "council", "lsoa", "area"]


@dataclass(frozen=True)
class ProfileArea:
    """The place a profile is of: its kind, code and name, and the LSOAs and wards it covers."""

    kind: AreaKind
    code: str
    name: str
    lsoa11_codes: tuple[str, ...]
    ward17_codes: tuple[str, ...]
    council_code: str
    council_name: str
    region_name: str
    #: the IMD edition the profile is built on: 2019 (LSOA 2011, 2017 wards, 2019 councils) or
    #: 2025 (LSOA 2021, 2024 wards, 2024 councils)
    edition: int = 2019
    lsoa21_codes: tuple[str, ...] = ()
    ward24_codes: tuple[str, ...] = ()
    #: for a group of areas: what its codes are ("ward17", "ward24" or "lsoa21")
    geography: str = "ward17"


@dataclass(frozen=True)
class Comparison:
    """One measure for the area, its council, its region and England, with what it means.

    For the IMD and its domains the value is the share of residents (0 to 1) living in LSOAs
    among England's most deprived tenth on that measure; for the CNI and its domains it is the
    population-weighted mean ward score (higher: more need).
    """

    key: str
    name: str
    group: Literal["imd", "cni"]
    area: float
    council: float
    region: float
    england: float
    meaning: str
    #: the area's own rank and decile among areas of its kind, when it has one
    rank: int | None = None
    rank_of: int | None = None
    decile: int | None = None
    #: what the rank is among: "wards" or "LSOAs"
    ranked_among: str = "wards"

    @property
    def values(self) -> tuple[tuple[str, float], ...]:
        """The four figures with their labels, the area first."""
        return (
            (gettext_noop("This area"), self.area),
            ("Council", self.council),
            ("Region", self.region),
            ("England", self.england),
        )


@dataclass(frozen=True)
class EditionFigure:
    """The area's IMD rank and decile in one IoD edition, among areas of its kind."""

    year: int
    rank: int
    rank_of: int
    decile: int
    geography: str
    #: how the figure was reached, when not published for this area (e.g. "n4c's estimate")
    how: str = ""


@dataclass(frozen=True)
class LeftBehindStatus:
    """Whether the area is 'left behind' by n4c's test and in OCSI's published list."""

    n4c: bool
    ocsi: bool
    wards_n4c: int
    wards_ocsi: int
    wards: int
    sentence: str
    #: what each answer is, with its edition and its wards
    n4c_label: str = gettext_noop("n4c's test (IMD 2019, CNI 2019, December 2017 wards)")
    ocsi_label: str = gettext_noop("OCSI's list (2019, December 2017 wards)")
    #: how many wards OCSI's answer counts from, when not the same wards as n4c's
    wards_ocsi_of: int | None = None


@dataclass(frozen=True)
class MapPoint:
    """A community asset drawn on the map."""

    name: str
    kind: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Source:
    """A dataset the profile uses, as the registry describes it (its title and licence in the
    profile's language; the publisher's name as published)."""

    title: str
    publisher: str
    licence: str
    url: str
    #: when it was published or what date it describes, in a few words
    date: str = ""


@dataclass(frozen=True)
class Profile:
    """Everything a neighbourhood profile shows; :func:`n4c.profiles.render_html` draws it."""

    area: ProfileArea
    population: int
    population_source: str
    imd_score: float
    imd_rank: int
    imd_rank_of: int
    imd_decile: int
    imd_geography: str
    comparisons: tuple[Comparison, ...]
    editions: tuple[EditionFigure, ...]
    left_behind: LeftBehindStatus
    map_svg: str
    assets: tuple[MapPoint, ...]
    assets_outside: int
    sources: tuple[Source, ...]
    data_version: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: what the editions show, in a sentence (empty when the table says it all)
    editions_sentence: str = ""

    @property
    def edition(self) -> int:
        """The IMD edition the profile is built on: 2019 or 2025."""
        return self.area.edition

    @property
    def title(self) -> str:
        """The profile's heading, e.g. "Bloomfield, Blackpool"."""
        if self.area.kind == "council" or not self.area.council_name:
            return self.area.name
        return f"{self.area.name}, {self.area.council_name}"

    def sentences(self) -> list[str]:
        """Every sentence the profile writes for readers, for the plain-English check."""
        return [
            self.left_behind.sentence,
            *(c.meaning for c in self.comparisons),
            *([self.editions_sentence] if self.editions_sentence else []),
        ]
