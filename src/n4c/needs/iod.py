"""The Index of Multiple Deprivation and the Community Needs Index, rebuilt from published ranks.

Both are built-in specifications of :mod:`n4c.needs.composite`; this module loads their data,
runs the builder and checks the result against what was published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from n4c.data import load
from n4c.geography import check_year
from n4c.needs.composite import build_composite, builtin_spec

__all__ = ["Agreement", "combine_cni", "combine_imd", "compare_imd_with_published"]

ImdYear = Literal[2019, 2025]


def combine_imd(year: ImdYear = 2019, *, weights: np.ndarray | None = None) -> pd.DataFrame:
    """Recompute the IMD for every LSOA from the published domain ranks.

    Parameters
    ----------
    year : {2019, 2025}
        2019 uses LSOA 2011 (32,844 areas), 2025 uses LSOA 2021 (33,755 areas).
    weights : numpy.ndarray, optional
        Seven domain weights in the order Income, Employment, Education, Health, Crime,
        Barriers, Living Environment; the official weights by default.

    Returns
    -------
    pandas.DataFrame
        ``lsoa_code, imd_score, imd_rank, imd_decile`` and each domain's transformed score.
    """
    check_year(year)
    spec = builtin_spec(f"imd{year}")
    assert spec.dataset is not None
    result = build_composite(load(spec.dataset), spec, weights=weights)
    return result.rename(
        columns={
            "area_code": "lsoa_code",
            "score": "imd_score",
            "rank": "imd_rank",
            "decile": "imd_decile",
        }
    )


def combine_cni(year: Literal[2019, 2023] = 2019) -> pd.DataFrame:
    """Recompute the Community Needs Index (2019 by ward, 2023 by LSOA 2021) from its domain ranks."""
    spec = builtin_spec(f"cni{year}")
    assert spec.dataset is not None
    result = build_composite(load(spec.dataset), spec)
    return result.rename(columns={"score": "cni_score", "rank": "cni_rank", "decile": "cni_decile"})


@dataclass(frozen=True)
class Agreement:
    """How a recomputed index compares with the published one."""

    areas: int
    ranks_equal: int
    deciles_equal: int
    max_abs_score_error: float

    @property
    def share_ranks_equal(self) -> float:
        return self.ranks_equal / self.areas


def compare_imd_with_published(year: ImdYear = 2019) -> Agreement:
    """Compare :func:`combine_imd` with the published IMD ranks, deciles and 3-dp scores."""
    ours = combine_imd(year)
    if year == 2019:
        published = load("imd2019_lsoa11").merge(load("imd2019_lsoa11_scores"), on="lsoa11_code")
        published = published.rename(columns={"lsoa11_code": "lsoa_code"})
    else:
        published = load("imd2025_lsoa21").rename(columns={"lsoa21_code": "lsoa_code"})
    both = ours.merge(published, on="lsoa_code", validate="one_to_one")
    return Agreement(
        areas=len(both),
        ranks_equal=int((both["imd_rank"] == both["IMD_rank"]).sum()),
        deciles_equal=int((both["imd_decile"] == both["IMD_decile"]).sum()),
        max_abs_score_error=float(np.abs(both["imd_score"] - both["IMD_score"]).max()),
    )
