"""The package's public names: all present, the loaders imported only when first used."""

from __future__ import annotations

import subprocess
import sys

import n4c.data


def test_every_public_name_resolves_to_the_module_that_defines_it() -> None:
    for name in n4c.data.__all__:
        value = getattr(n4c.data, name)
        home = n4c.data._LAZY.get(name, "registry")
        module = __import__(f"n4c.data.{home}", fromlist=[name])
        assert value is getattr(module, name), name


def test_finding_a_dataset_imports_no_pandas() -> None:
    """Where a dataset is, and whether it matches its checksum, needs no data frame library."""
    code = (
        "import sys, n4c.data; n4c.data.dataset_path('lookup_lsoa11_ward17'); "
        "print('pandas' in sys.modules, 'pyarrow' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.split() == ["False", "False"]
