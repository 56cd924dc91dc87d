"""The dataset registry: one declared entry per dataset, with its source, checksum and licence.

A dataset is found, in order, in the local mirror (``N4C_DATA_MIRROR``), then in the user's
data folder (where ``n4c data fetch`` puts it). Nothing is ever invented when a file is missing:
:func:`dataset_path` raises :class:`~n4c.errors.DataMissingError` saying how to get it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from n4c import config
from n4c.data.cache import record_checked, was_checked
from n4c.errors import DataMissingError
from n4c.words import gettext_noop

__all__ = [
    "DATASETS",
    "Column",
    "Dataset",
    "checksum",
    "dataset_path",
    "fetch",
    "get_dataset",
    "sha256_of",
    "status",
]

#: Titles and licences are marked for translation: a profile shows them in the reader's language.
OGL = gettext_noop("Open Government Licence v3.0")
IOD2019_PAGE = "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019"
IOD2025_PAGE = "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025"
OCSI_LEFT_BEHIND_PAGE = "https://ocsi.uk/left-behind-areas/"
ONS_GEOPORTAL = "https://geoportal.statistics.gov.uk/"

ColumnKind = Literal["code", "text", "number", "integer", "bool"]


@dataclass(frozen=True)
class Column:
    """A column a loader requires, with the kind of value every row must hold."""

    name: str
    kind: ColumnKind = "number"
    #: for ``kind="code"``: which GSS entity (a key of :data:`n4c.geography.CODE_SHAPES`)
    geography: str | None = None
    #: numbers may be blank (published files leave suppressed values empty)
    nullable: bool = False
    #: for ``kind="text"``: the only values allowed (empty means any text)
    allowed: tuple[str, ...] = ()
    #: for numbers: the smallest and largest plausible value (``None``: no bound)
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Dataset:
    """One published dataset as n4c expects it: a gzip-compressed UTF-8 CSV (or GeoJSON)."""

    name: str
    filename: str
    title: str
    publisher: str
    source_url: str
    licence: str
    #: ``None`` only for an ``optional`` dataset whose published file n4c has not yet pinned:
    #: it is then accepted on its declared columns alone
    sha256: str | None
    rows: int
    columns: tuple[Column, ...] = field(default_factory=tuple)
    #: the column (or columns together) whose values must be unique, if any
    key: str | tuple[str, ...] | None = None
    kind: Literal["csv", "geojson", "360giving"] = "csv"
    #: not in the n4c data bundle: used when a user has it, with a named stand-in otherwise
    optional: bool = False


def _codes(name: str, geography: str) -> Column:
    return Column(name, "code", geography)


def _numbers(
    *names: str, kind: ColumnKind = "number", nullable: bool = False
) -> tuple[Column, ...]:
    return tuple(Column(n, kind, nullable=nullable) for n in names)


_IMD_DOMAINS_2019 = (
    "IMD",
    "Income",
    "Employment",
    "Education",
    "Health",
    "Crime",
    "Housing_and_Access",
    "Environment",
)
_IMD_DOMAINS_2025 = tuple(
    d if d != "Housing_and_Access" else "Housing_and_Services" for d in _IMD_DOMAINS_2019
)

#: IoD 2025 File 6 columns, as published (mid-2022 population estimates)
_IOD2025_DENOMINATORS = (
    "Total population: mid 2022",
    "Dependent Children aged 0-15: mid 2022",
    "Older population aged 60 and over: mid 2022",
    "Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022",
)
#: no LSOA holds anywhere near this many people (the largest hold about 10,000)
_LSOA_POPULATION_MAX = 50_000

#: the IoD 2025's own denominators, and the stand-in used when they are not on this machine
FILE6_2025 = "imd2025_population_denominators"
CENSUS_2021 = "population21_lsoa21_census"

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset(
            name="imd2019_lsoa11",
            filename="imd2019_england_lsoa11.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2019: IMD and domain ranks and deciles (File 7), LSOA 2011"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2019_PAGE,
            licence=OGL,
            sha256="da539190a0778ab6274f18b5b095e41ee7a7c6e237a5244ba60f4c7899e03018",
            rows=32_844,
            columns=(
                _codes("lsoa11_code", "lsoa"),
                *_numbers(*(f"{d}_rank" for d in _IMD_DOMAINS_2019), kind="integer"),
                *_numbers(*(f"{d}_decile" for d in _IMD_DOMAINS_2019), kind="integer"),
            ),
            key="lsoa11_code",
        ),
        Dataset(
            name="imd2019_lsoa11_scores",
            filename="imd2019_england_lsoa11_scores.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2019: IMD score and income/employment rates, LSOA 2011"
            ),
            publisher="MHCLG, packaged by mySociety (composite_uk_imd)",
            source_url=IOD2019_PAGE,
            licence=gettext_noop("Open Government Licence v3.0; packaging CC BY 4.0"),
            sha256="abb585822b9a9cf14132ac22f444c55d9627377aca91771e78a63e5ce1584685",
            rows=32_844,
            columns=(
                _codes("lsoa11_code", "lsoa"),
                *_numbers("IMD_score", "Income_score_pct", "Employment_score_pct"),
            ),
            key="lsoa11_code",
        ),
        Dataset(
            name="imd2019_population_denominators",
            filename="imd2019_england_lsoa11_population_denominators.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2019: population denominators, mid-2015 (File 6)"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2019_PAGE,
            licence=OGL,
            sha256="6579fc9813bdc7eb537be044d550eca639082f03016efd0461033b481fbf8120",
            rows=32_844,
            columns=(
                _codes("lsoa11_code", "lsoa"),
                Column("lsoa11_name", "text"),
                _codes("lad19_code", "lad"),
                Column("lad19_name", "text"),
                *_numbers(
                    "pop_total_mid2015",
                    "pop_0_15_mid2015",
                    "pop_16_59_mid2015",
                    "pop_60plus_mid2015",
                    "pop_working_age_mid2015",
                    kind="integer",
                ),
            ),
            key="lsoa11_code",
        ),
        Dataset(
            name="imd2019_indicators",
            filename="imd2019_england_lsoa11_indicators.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2019: underlying indicators (File 8), LSOA 2011"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2019_PAGE,
            licence=OGL,
            sha256="3e58a79e166713ffb13b3fc122fb0696d49d954a7664c23bd2e021f2ea8f1c77",
            rows=32_844,
            columns=(
                _codes("lsoa11_code", "lsoa"),
                *_numbers("income_domain_numerator", "employment_domain_numerator", nullable=True),
            ),
            key="lsoa11_code",
        ),
        Dataset(
            name="imd2019_subdomains",
            filename="imd2019_england_lsoa11_subdomains.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2019: sub-domain ranks and deciles, LSOA 2011"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2019_PAGE,
            licence=OGL,
            sha256="5c9176ea6be32bfa5fe9e207bcf3a41a0392eca5f61f7bb5d4348e23c356013e",
            rows=32_844,
            columns=(_codes("lsoa11_code", "lsoa"),),
            key="lsoa11_code",
        ),
        Dataset(
            name="imd2019_msoa11",
            filename="imd2019_england_msoa11.csv.gz",
            title=gettext_noop(
                "IMD 2019 aggregated to MSOA 2011 by humaniverse/IMD (its own extent rule)"
            ),
            publisher="humaniverse/IMD, from MHCLG data",
            source_url="https://github.com/humaniverse/IMD",
            licence=gettext_noop("MIT; data Open Government Licence v3.0"),
            sha256="87aef4dcac8227e73c5ef268621129df94fe6d44478ddfcaf1022d6b8a40e93e",
            rows=6_791,
            columns=(_codes("msoa11_code", "msoa"), *_numbers("Score", "Proportion", "Extent")),
            key="msoa11_code",
        ),
        Dataset(
            name="imd2015_lsoa11",
            filename="imd2015_england_lsoa11.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2015: IMD score, rank and decile, LSOA 2011"
            ),
            publisher="Department for Communities and Local Government",
            source_url="https://www.gov.uk/government/statistics/english-indices-of-deprivation-2015",
            licence=OGL,
            sha256="f0261e090fe46384423504cf35adff331260bc0c205fc6f20de62a220398e7ee",
            rows=32_844,
            columns=(
                _codes("lsoa11_code", "lsoa"),
                Column("IMD_score"),
                *_numbers("IMD_rank", "IMD_decile", kind="integer"),
            ),
            key="lsoa11_code",
        ),
        Dataset(
            name="imd2025_lsoa21",
            filename="imd2025_england_lsoa21.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2025: IMD and domain scores, ranks and deciles, LSOA 2021"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2025_PAGE,
            licence=OGL,
            sha256="32f48014f7078aa1ce7c77960428fbc5ed3cb1a872d77c3b0b83233361cb5f1a",
            rows=33_755,
            columns=(
                _codes("lsoa21_code", "lsoa"),
                *_numbers(*(f"{d}_rank" for d in _IMD_DOMAINS_2025), kind="integer"),
                *_numbers(*(f"{d}_decile" for d in _IMD_DOMAINS_2025), kind="integer"),
                *_numbers(*(f"{d}_score" for d in _IMD_DOMAINS_2025)),
            ),
            key="lsoa21_code",
        ),
        Dataset(
            name="imd2025_indicators",
            filename="imd2025_england_lsoa21_indicators.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2025: underlying indicators (File 8, partial), LSOA 2021"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2025_PAGE,
            licence=OGL,
            sha256="3b464d6dd5c4865bb999366a95b1032cf159e74f3ed425a82ac2ed4c9906ebda",
            rows=33_755,
            columns=(_codes("lsoa21_code", "lsoa"),),
            key="lsoa21_code",
        ),
        Dataset(
            name="imd2025_subdomains",
            filename="imd2025_england_lsoa21_subdomains.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2025: sub-domain scores, ranks and deciles, LSOA 2021"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2025_PAGE,
            licence=OGL,
            sha256="95a3bf9bc6194ba6e48971b9d97e9ee83a73d8637837b9b5505f12a269956183",
            rows=33_755,
            columns=(_codes("lsoa21_code", "lsoa"),),
            key="lsoa21_code",
        ),
        Dataset(
            name="imd2025_population_denominators",
            filename="imd2025_england_lsoa21_population_denominators.csv.gz",
            title=gettext_noop(
                "English Indices of Deprivation 2025: population denominators, mid-2022 (File 6), LSOA 2021"
            ),
            publisher="Ministry of Housing, Communities and Local Government",
            source_url=IOD2025_PAGE,
            licence=OGL,
            sha256=None,
            rows=33_755,
            columns=(
                _codes("LSOA code (2021)", "lsoa"),
                *(
                    Column(name, "integer", minimum=0, maximum=_LSOA_POPULATION_MAX)
                    for name in _IOD2025_DENOMINATORS
                ),
            ),
            key="LSOA code (2021)",
            optional=True,
        ),
        Dataset(
            name="cni2019_ward17",
            filename="cni2019_england_ward17.csv.gz",
            title=gettext_noop(
                "Community Needs Index 2019 by ward (December 2017 codes), with the 'left behind' flag"
            ),
            publisher="OCSI for Local Trust",
            source_url=OCSI_LEFT_BEHIND_PAGE,
            licence=gettext_noop("Published by OCSI / Local Trust; no licence stated"),
            sha256="b71f3d0130203a6988e051ae46b0b1b6c2bf00ec10e46ec98e8b1116c81beff1",
            rows=7_433,
            columns=(
                _codes("ward17_code", "ward"),
                Column("ward17_name", "text"),
                _codes("lad19_code", "lad"),
                Column("lad19_name", "text"),
                *_numbers(
                    "Civic Assets score",
                    "Connectedness score",
                    "Engaged community score",
                    "Community Needs Index score",
                ),
                *_numbers(
                    "Civic Assets rank",
                    "Connectedness rank",
                    "Engaged community rank",
                    "Community Needs Index rank",
                    kind="integer",
                ),
                Column("Left Behind Area?", "bool"),
            ),
            key="ward17_code",
        ),
        Dataset(
            name="cni2023_lsoa21",
            filename="cni2023_england_lsoa21.csv.gz",
            title=gettext_noop(
                "Community Needs Index 2023, LSOA 2021 (flag computed by humaniverse/IMD)"
            ),
            publisher="OCSI, packaged by humaniverse/IMD",
            source_url="https://ocsi.uk/community-needs-index/",
            licence=gettext_noop("Published by OCSI; no licence stated"),
            sha256="a109f541c77c7b05c254c67926c9b66cd9b3de12f25e7f3bd5e623516b552c22",
            rows=33_755,
            columns=(
                _codes("lsoa21_code", "lsoa"),
                Column("Community Needs Index 2023 Score"),
                *_numbers(
                    "Civic Assets Domain Score",
                    "Connectedness Domain Score",
                    "Active and Engaged Community Domain Score",
                ),
                *_numbers(
                    "Community Needs Index 2023 Rank",
                    "Civic Assets Domain Rank",
                    "Connectedness Domain Rank",
                    "Active and Engaged Community Domain Rank",
                    kind="integer",
                ),
                Column("Left Behind Area?", "bool"),
            ),
            key="lsoa21_code",
        ),
        Dataset(
            name="lookup_lsoa11_ward17",
            filename="lookup_lsoa11_ward17.csv.gz",
            title=gettext_noop(
                "ONS best-fit lookup: LSOA 2011 to ward (December 2017), England and Wales"
            ),
            publisher="Office for National Statistics",
            source_url="https://geoportal.statistics.gov.uk/",
            licence=OGL,
            sha256="cd409755bcf403854bd1bdd1112b143bde01819ace141f858b231338d6b276e2",
            rows=34_753,
            columns=(_codes("lsoa11_code", "lsoa"), _codes("ward17_code", "ward")),
            key="lsoa11_code",
        ),
        Dataset(
            name="lookup_lsoa11_msoa11",
            filename="lookup_lsoa11_msoa11.csv.gz",
            title=gettext_noop("ONS lookup: LSOA 2011 to MSOA 2011"),
            publisher="Office for National Statistics",
            source_url="https://geoportal.statistics.gov.uk/",
            licence=OGL,
            sha256="8a3fdf5ce0ce3c9ef5b4a833372084006f36ec76fe073538fa9364845ff60129",
            rows=41_729,
            columns=(
                # Covers Great Britain: Scottish data zones (S01) and intermediate zones (S02) too.
                Column("lsoa11_code", "code"),
                Column("lsoa11_name", "text"),
                Column("msoa11_code", "code"),
                Column("msoa11_name", "text"),
            ),
            key="lsoa11_code",
        ),
        Dataset(
            name="lookup_lsoa21_ward24_lad24",
            filename="lookup_lsoa21_ward24_lad24.csv.gz",
            title=gettext_noop(
                "ONS best-fit lookup: LSOA 2021 to ward (2024) to local authority (2024), England and Wales"
            ),
            publisher="Office for National Statistics, packaged by humaniverse/geographr",
            source_url=ONS_GEOPORTAL,
            licence=gettext_noop("Open Government Licence v3.0; packaging MIT"),
            sha256="52a13951aa20b65634f375710c78ba691a6614db0d804c425cf8a68856462e59",
            rows=35_672,
            columns=(
                _codes("lsoa21_code", "lsoa"),
                Column("lsoa21_name", "text"),
                _codes("ward24_code", "ward"),
                Column("ward24_name", "text"),
                _codes("ltla24_code", "lad"),
                Column("ltla24_name", "text"),
            ),
            key="lsoa21_code",
        ),
        Dataset(
            name="lookup_lsoa11_lsoa21",
            filename="lookup_lsoa11_lsoa21.csv.gz",
            title=gettext_noop(
                "ONS lookup: LSOA 2011 to LSOA 2021 to local authority (2022), with change codes"
            ),
            publisher="Office for National Statistics, packaged by humaniverse/geographr",
            source_url=ONS_GEOPORTAL,
            licence=gettext_noop("Open Government Licence v3.0; packaging MIT"),
            sha256="16d518f783534c9c49f36125af31936f635d0b059f45b5f80bbdf7b88a065f5a",
            rows=35_795,
            columns=(
                _codes("lsoa11_code", "lsoa"),
                Column("lsoa11_name", "text"),
                # U unchanged, S split, M merged, X irregular (ONS change codes)
                Column("change_code", "text", allowed=("U", "S", "M", "X")),
                _codes("lsoa21_code", "lsoa"),
                Column("lsoa21_name", "text"),
                _codes("ltla22_code", "lad"),
                Column("ltla22_name", "text"),
            ),
            # a split LSOA has a row per part and a merged one a row per source
            key=("lsoa11_code", "lsoa21_code"),
        ),
        Dataset(
            name="population21_lsoa21_census",
            filename="population21_lsoa21_census.csv.gz",
            title=gettext_noop("Census 2021 usual residents (TS021), LSOA 2021, England and Wales"),
            publisher="Office for National Statistics",
            source_url="https://www.ons.gov.uk/datasets/TS021/editions/2021/versions/1",
            licence=OGL,
            sha256="6dc39c95232bfc7233ff5cd646e2810f98556c54db77f1151d013cc45276c816",
            rows=35_672,
            columns=(
                _codes("lsoa21_code", "lsoa"),
                Column("total_residents", "integer", minimum=1, maximum=_LSOA_POPULATION_MAX),
            ),
            key="lsoa21_code",
        ),
        Dataset(
            name="population17_lsoa11",
            filename="population17_lsoa11_total.csv.gz",
            title=gettext_noop("ONS mid-2017 LSOA population estimates, England and Wales"),
            publisher="Office for National Statistics",
            source_url="https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates",
            licence=OGL,
            sha256="88a32e506ffc0e89d814a361a519327946d3a36d51cbc82ace2cbd1093de0093",
            rows=34_753,
            columns=(_codes("lsoa11_code", "lsoa"), Column("total_population", "integer")),
            key="lsoa11_code",
        ),
        Dataset(
            name="population19_lsoa11",
            filename="population19_lsoa11_total.csv.gz",
            title=gettext_noop("ONS mid-2019 LSOA population estimates, England and Wales"),
            publisher="Office for National Statistics",
            source_url="https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates",
            licence=OGL,
            sha256="eb37514830c79a03e50ea97ce312723a42bad07e3798fee7a094b8a5d0a31de9",
            rows=34_753,
            columns=(_codes("lsoa11_code", "lsoa"), Column("total_population", "integer")),
            key="lsoa11_code",
        ),
        Dataset(
            name="boundaries_lsoa11",
            filename="boundaries_lsoa11.geojson.gz",
            title=gettext_noop(
                "ONS LSOA 2011 boundaries, super-generalised clipped, WGS84 (for display)"
            ),
            publisher="Office for National Statistics",
            source_url="https://geoportal.statistics.gov.uk/",
            licence=gettext_noop(
                "Open Government Licence v3.0; contains OS data © Crown copyright and database right"
            ),
            sha256="f33d0c949cffff19e2e9e1a0c331a9606e003ae42b648b124de149003abbdc4e",
            rows=34_753,
            kind="geojson",
        ),
        Dataset(
            name="boundaries_lsoa21",
            filename="boundaries_lsoa21.geojson.gz",
            title=gettext_noop(
                "ONS LSOA 2021 boundaries (December 2021), super-generalised clipped, England, WGS84 (for display)"
            ),
            publisher="Office for National Statistics",
            source_url=ONS_GEOPORTAL,
            licence=gettext_noop(
                "Open Government Licence v3.0; contains OS data © Crown copyright and database right"
            ),
            sha256="bc06c67218adb79e3d976d069884de5f19f5bf9d4e95a5b3ea4e22f20a5ee0f1",
            rows=33_755,
            columns=(_codes("lsoa21_code", "lsoa"), Column("lsoa21_name", "text")),
            key="lsoa21_code",
            kind="geojson",
        ),
        Dataset(
            name="360giving_alwf",
            filename="360giving/a003W000001B7PzQAK.json",
            title=gettext_noop("360Giving grants: Andrew Lloyd Webber Foundation"),
            publisher="Andrew Lloyd Webber Foundation via 360Giving",
            source_url="https://grantnav.threesixtygiving.org/",
            licence=gettext_noop("CC BY 4.0"),
            sha256="187e32bd5c4615d6cb2c7c12f60f8eda4745204b3b48c3874b0254e38328f53a",
            rows=475,
            kind="360giving",
        ),
        Dataset(
            name="360giving_abct",
            filename="360giving/a001p00000zgyHZAAY.json",
            title=gettext_noop("360Giving grants: A B Charitable Trust"),
            publisher="A B Charitable Trust via 360Giving",
            source_url="https://grantnav.threesixtygiving.org/",
            licence=gettext_noop("CC BY 4.0"),
            sha256="0c54b032076ce7a2f40e3ba71a8a7496fed78c2f603af86f7ecaf2aacc7de533",
            rows=783,
            kind="360giving",
        ),
    ]
}


def get_dataset(name: str) -> Dataset:
    """The registry entry called ``name``; an unknown name lists the known ones."""
    try:
        return DATASETS[name]
    except KeyError:
        known = ", ".join(sorted(DATASETS))
        raise DataMissingError(
            f'There is no dataset called "{name}". Known datasets: {known}.'
        ) from None


def _candidates(dataset: Dataset) -> list[Path]:
    places = []
    mirror = config.mirror_dir()
    if mirror is not None:
        places.append(mirror / dataset.filename)
    places.append(config.data_dir() / "datasets" / dataset.filename)
    return places


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _how_to_get(dataset: Dataset) -> str:
    if dataset.optional:
        return (
            f"It is not part of the n4c data bundle: download it from the official source "
            f"({dataset.source_url}), save it as a gzip-compressed CSV named {dataset.filename} "
            f"and set N4C_DATA_MIRROR to the folder that holds it."
        )
    return (
        f"Get it with `n4c data fetch {dataset.name}`, or set N4C_DATA_MIRROR to a folder that "
        f"holds {dataset.filename} (official source: {dataset.source_url})."
    )


def dataset_path(name: str, *, verify: bool = True) -> Path:
    """The local path of dataset ``name``, checked against its registered SHA-256.

    Raises
    ------
    DataMissingError
        If the file is in neither the mirror nor the data folder, or its checksum differs.
    """
    dataset = get_dataset(name)
    for path in _candidates(dataset):
        if not path.is_file():
            continue
        # Hashing every file on every run would cost more than reading its cached frame; a
        # file hashed before is recognised by its size, times and inode (see n4c.data.cache).
        if dataset.sha256 is None:  # not yet pinned: the loader checks its columns
            return path
        if verify and not was_checked(dataset.name, path, dataset.sha256):
            actual = sha256_of(path)
            if actual != dataset.sha256:
                raise DataMissingError(
                    f"{path} does not match the registered checksum of {dataset.name} "
                    f"(expected SHA-256 {dataset.sha256[:12]}…, found {actual[:12]}…); "
                    f"the file is damaged or a different release. {_how_to_get(dataset)}"
                )
            record_checked(dataset.name, path, actual)
        return path
    raise DataMissingError(
        f"The dataset {dataset.name} ({dataset.title}) is not on this machine. {_how_to_get(dataset)}"
    )


def checksum(name: str) -> str:
    """The SHA-256 of dataset ``name`` as found here: its registered one, after checking it.

    A dataset without a pinned checksum is hashed as found, so a result keyed on it still
    changes when the file does.
    """
    path = dataset_path(name)
    registered = get_dataset(name).sha256
    return registered if registered is not None else sha256_of(path)


def checksum_if_present(name: str) -> str | None:
    """:func:`checksum` of dataset ``name``, or ``None`` when it is not on this machine (for an
    optional input, such as IoD 2025 File 6, whose presence changes a result)."""
    try:
        return checksum(name)
    except DataMissingError:
        return None


def population_dataset_2025() -> str:
    """The dataset that weights IoD 2025 figures here: File 6 when present, else Census 2021
    (:func:`n4c.data.population_for_2025` reads it; a result's key names it without reading it)."""
    return FILE6_2025 if checksum_if_present(FILE6_2025) is not None else CENSUS_2021


def status() -> list[tuple[Dataset, Path | None]]:
    """Every registered dataset with where it was found (``None`` when missing or damaged)."""
    found: list[tuple[Dataset, Path | None]] = []
    for dataset in DATASETS.values():
        try:
            found.append((dataset, dataset_path(dataset.name)))
        except DataMissingError:
            found.append((dataset, None))
    return found


def fetch(name: str, *, base_url: str | None = None, progressbar: bool = False) -> Path:
    """Download dataset ``name`` into the user's data folder and verify its checksum.

    The prepared files are served from ``N4C_DATA_BASE_URL`` (an organisation's copy of the
    n4c data bundle); when a mirror already holds a verified copy, it is copied instead.
    """
    import pooch

    dataset = get_dataset(name)
    target_dir = config.data_dir() / "datasets"
    mirror = config.mirror_dir()
    if mirror is not None and (mirror / dataset.filename).is_file():
        source = mirror / dataset.filename
        if dataset.sha256 is not None and sha256_of(source) != dataset.sha256:
            raise DataMissingError(
                f"The mirror copy {source} does not match the registered checksum of {dataset.name}. "
                f"Replace it from the official source: {dataset.source_url}"
            )
        target = target_dir / dataset.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        return target
    base = base_url if base_url is not None else config.get("N4C_DATA_BASE_URL")
    if dataset.optional:
        raise DataMissingError(
            f"{dataset.name} ({dataset.title}) cannot be fetched. {_how_to_get(dataset)}"
        )
    if not base:
        raise DataMissingError(
            f"No download address is configured for {dataset.name}. Set N4C_DATA_BASE_URL to the "
            f"address of the n4c data bundle, or N4C_DATA_MIRROR to a folder holding "
            f"{dataset.filename} (official source: {dataset.source_url})."
        )
    url = f"{base.rstrip('/')}/{dataset.filename}"
    try:
        fetched = pooch.retrieve(
            url,
            known_hash=f"sha256:{dataset.sha256}",
            fname=Path(dataset.filename).name,
            path=target_dir / Path(dataset.filename).parent,
            progressbar=progressbar,
        )
    except ValueError as error:  # pooch raises ValueError on a checksum mismatch
        raise DataMissingError(f"{url} was downloaded but failed verification: {error}") from None
    except Exception as error:
        raise DataMissingError(f"Could not download {dataset.name} from {url}: {error}") from None
    return Path(fetched)
