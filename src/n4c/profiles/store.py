"""Keeping built profiles: one JSON file per place in ``N4C_DATA_DIR/cache/results/``.

A profile is stored by :func:`n4c.data.cache.stored_result` under a key made of the place (its
kind, edition and code, or every field of a group of areas), the assets on its map, the checksum
of every dataset it reads (:data:`~n4c.profiles.build.PROFILE_DATASETS` and the dataset that
weights IoD 2025 figures) and the source of the modules that build it. New data, another asset
or changed code builds it again; otherwise the next run reads one file and imports no pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from n4c.profiles.model import (
    Comparison,
    EditionFigure,
    LeftBehindStatus,
    MapPoint,
    Profile,
    ProfileArea,
    Source,
)

if TYPE_CHECKING:
    from n4c.places import Place
    from n4c.rights.assets import Asset

__all__ = ["profile_from_dict", "stored_profile"]

#: The modules whose code decides a profile: a change to any of them builds it again.
_CODE = (
    "n4c.profiles.build",
    "n4c.profiles.iod2025",
    "n4c.profiles.charts",
    "n4c.profiles.model",
    "n4c.profiles.store",
    "n4c.needs.area_need",
    "n4c.needs.change",
    "n4c.needs.editions",
    "n4c.needs.groups",
    "n4c.needs.summaries",
    "n4c.needs.ward_domains",
    "n4c.needs.wards",
    "n4c.needs.wards24",
    "n4c.maps.layers",
    "n4c.maps.render",
    "n4c.data.loaders",
)


def _inputs(
    place: Place | ProfileArea, assets: Sequence[Asset], language: str = ""
) -> dict[str, str | None]:
    from n4c.data.cache import digest
    from n4c.data.registry import checksum, population_dataset_2025
    from n4c.profiles.build import PROFILE_DATASETS

    names = dict.fromkeys((*PROFILE_DATASETS, population_dataset_2025()))
    inputs: dict[str, str | None] = {
        **{name: checksum(name) for name in names},
        "place": digest(asdict(place) if isinstance(place, ProfileArea) else _place_key(place)),
        "assets": digest([asdict(asset) for asset in assets]),
    }
    if language:  # the CLI's English profiles keep the key they always had
        inputs["language"] = language
    return inputs


def _place_key(place: Place) -> list[object]:
    return [place.kind, place.edition, place.code, place.name]


def _kind(place: Place | ProfileArea, language: str = "") -> str:
    suffix = f"-{language}" if language else ""
    if isinstance(place, ProfileArea):
        from n4c.data.cache import digest

        return f"profile-area-{place.edition}-{digest(asdict(place))[:12]}{suffix}"
    return f"profile-{place.kind}{place.edition}-{place.code}{suffix}"


def stored_profile(
    place: Place | ProfileArea,
    assets: Sequence[Asset],
    build: Callable[[], Profile],
    *,
    cached: bool = True,
    language: str = "",
) -> Profile:
    """The stored profile of ``place`` with ``assets`` when its inputs are unchanged, else
    ``build()``'s, which is then stored.

    Its sentences are in the language of the moment it was built, so each ``language`` (the
    platform's page language; empty for the CLI's English) is stored apart."""
    from n4c.data.cache import stored_result

    body, _ = stored_result(
        _kind(place, language),
        lambda: _as_dict(build()),
        inputs=_inputs(place, assets, language),
        code=_CODE,
        cached=cached,
    )
    return profile_from_dict(body)


def _as_dict(profile: Profile) -> dict[str, Any]:
    import json
    import math

    def plain(value: Any) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if hasattr(value, "item"):  # a numpy number
            return value.item()
        return value

    body = plain(asdict(profile))
    json.dumps(body)  # fails here, not later, if a value cannot be stored
    return body


def _nan(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def profile_from_dict(body: dict[str, Any]) -> Profile:
    """A profile from the plain values :func:`stored_profile` keeps."""
    area = {k: tuple(v) if isinstance(v, list) else v for k, v in dict(body["area"]).items()}
    comparisons = []
    for item in body["comparisons"]:
        values = dict(item)
        for key in ("area", "council", "region", "england"):
            values[key] = _nan(values[key])
        comparisons.append(Comparison(**values))
    return Profile(
        area=ProfileArea(**area),  # type: ignore[arg-type]
        population=int(body["population"]),
        population_source=body["population_source"],
        imd_score=float(body["imd_score"]),
        imd_rank=int(body["imd_rank"]),
        imd_rank_of=int(body["imd_rank_of"]),
        imd_decile=int(body["imd_decile"]),
        imd_geography=body["imd_geography"],
        comparisons=tuple(comparisons),
        editions=tuple(EditionFigure(**e) for e in body["editions"]),
        left_behind=LeftBehindStatus(**body["left_behind"]),
        map_svg=body["map_svg"],
        assets=tuple(MapPoint(**p) for p in body["assets"]),
        assets_outside=int(body["assets_outside"]),
        sources=tuple(Source(**s) for s in body["sources"]),
        data_version=body["data_version"],
        notes=tuple(body["notes"]),
        editions_sentence=body["editions_sentence"],
    )
