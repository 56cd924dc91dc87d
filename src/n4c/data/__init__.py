"""Datasets: the registry of published sources, their checksums and licences, and typed loaders.

Owns reading files from the mirror or the user's data folder, and the dataset cache. Must not
import any other n4c package except ``n4c.config``, ``n4c.errors`` and ``n4c.lazy``. The registry is imported
at once; the loaders (which need pandas) only when first used, so asking where a dataset is
costs no pandas import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from n4c.data.registry import DATASETS, Column, Dataset, dataset_path, fetch, get_dataset, status
from n4c.lazy import lazy_names

if TYPE_CHECKING:
    from n4c.data.loaders import (
        Population,
        PopulationWords,
        load,
        load_features,
        population_for_2025,
        population_label,
        population_words,
        read_features,
        read_validated,
        validate_frame,
    )
    from n4c.data.regions import lad_regions

__all__ = [
    "DATASETS",
    "Column",
    "Dataset",
    "Population",
    "PopulationWords",
    "dataset_path",
    "fetch",
    "get_dataset",
    "lad_regions",
    "load",
    "load_features",
    "population_for_2025",
    "population_label",
    "population_words",
    "read_features",
    "read_validated",
    "status",
    "validate_frame",
]

#: The module each lazily imported name comes from.
_LAZY = {
    "lad_regions": "regions",
    "Population": "loaders",
    "PopulationWords": "loaders",
    "load": "loaders",
    "load_features": "loaders",
    "population_for_2025": "loaders",
    "population_label": "loaders",
    "population_words": "loaders",
    "read_features": "loaders",
    "read_validated": "loaders",
    "validate_frame": "loaders",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
