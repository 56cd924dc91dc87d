"""Datasets: the registry of published sources, their checksums and licences, and typed loaders.

Owns reading files from the mirror or the user's data folder. Must not import any other
n4c package except ``n4c.config`` and ``n4c.errors``.
"""

from n4c.data.loaders import load, read_validated, validate_frame
from n4c.data.regions import lad_regions
from n4c.data.registry import DATASETS, Column, Dataset, dataset_path, fetch, get_dataset, status

__all__ = [
    "DATASETS",
    "Column",
    "Dataset",
    "dataset_path",
    "fetch",
    "get_dataset",
    "lad_regions",
    "load",
    "read_validated",
    "status",
    "validate_frame",
]
