"""Every `n4c` command meets bad input with one plain sentence and a non-zero exit, never a traceback.

The commands are listed from the Typer app, so a new command without bad-input cases here fails
`test_every_command_has_bad_input_cases`.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys

import pytest
import typer

from n4c.cli import app

GRANT = (
    '{"grants": [{"id": "360G-x-1", "title": "A grant", "currency": "GBP", '
    '"amountAwarded": 1000, "awardDate": "2020-01-01", '
    '"recipientOrganization": [{"id": "GB-CHC-1", "name": "A charity"}], '
    '"fundingOrganization": [{"id": "GB-CHC-2", "name": "A funder"}]}]}'
)
GOOD_ASSETS = "name,kind,postcode\nRed Lion,physical,M1 1AE\n"

# Placeholders in the cases, made by the `files` fixture.
BINARY = "{binary}"  # gzip bytes, named as a CSV, JSON or TOML file
FOLDER = "{folder}"  # a folder where a file is expected
MISSING = "{missing}"  # a file that does not exist
UNWRITABLE = "{unwritable}"  # a place no one may write to
OUT = "{out}"  # a writable place for outputs a case does not test
WIEGHT = "{wieght}"  # TOML in Windows-1252 with a misspelt key
HUGE_POT = "{huge_pot}"  # a fund specification with a 1e30 pot
ASSETS = "{assets}"  # a good asset register
NUL_ASSETS = "{nul_assets}"  # an asset register with a NUL character
GRANTS = "{grants}"  # a good 360Giving package
DEEP = "{deep}"  # a 360Giving package nested 100,000 deep
PANEL = "{panel}"  # a good difference-in-differences panel
UNBALANCED = "{unbalanced}"  # the same panel with one row missing
FAR = "9999-12-31"
DID = ["--unit", "ward", "--time", "year", "--treated", "supported", "--post", "after"]
DID = [*DID, "--outcome", "score"]

CASES: dict[str, list[list[str]]] = {
    "allocate": [
        [BINARY],
        [FOLDER],
        [MISSING],
        [HUGE_POT],
        [WIEGHT],
        ["--preset", "big_local", "--capacity-strength", "nan"],
        ["--preset", "big_local", "--capacity-strength", "1e30"],
        ["--preset", "big_local", "--seed", "-1"],
        ["--preset", "big_local", "--out", FOLDER],
        ["--preset", "big_local", "--fairness", f"{ASSETS}/fairness.csv"],
    ],
    "data check": [["no-such-dataset"]],
    "data fetch": [["no-such-dataset"]],
    "data list": [["--json", "extra"]],
    "doctor": [["extra"]],
    "evaluate comparators": [
        ["--areas", "E05999999"],
        ["--areas", "not-a-code"],
        ["--areas", "E05000652", "--k", "0"],
        ["--areas", "E05000652", "--k", "500"],
        ["--areas", "E05000652", "--pool", "everyone"],
        ["--areas", MISSING],
        ["--areas", BINARY],
        ["--areas", PANEL],
    ],
    "evaluate did": [
        ["--data", MISSING, *DID],
        ["--data", BINARY, *DID],
        ["--data", FOLDER, *DID],
        ["--data", PANEL, *DID[:-1], "nowhere"],
        ["--data", PANEL, *DID[:-1], "ward"],
        ["--data", UNBALANCED, *DID],
        ["--data", PANEL, *DID, "--dose", "hours"],
        ["--data", PANEL, *DID, "--dose", "score", "--event-study"],
    ],
    "evaluate example": [
        ["--out", FOLDER],
        ["--out", UNWRITABLE],
        ["--out", OUT, "--editions", "2015-2025"],
    ],
    "evaluate surveys": [
        ["--data", MISSING],
        ["--data", BINARY],
        ["--data", FOLDER],
        ["--data", PANEL],
    ],
    "leftbehind": [
        ["--year", "1066", "--out", OUT],
        ["--top", "-1", "--out", OUT],
        ["--top", "nan", "--out", OUT],
        ["--level", "msoa", "--out", OUT],
        ["--year", "2019", "--level", "lsoa", "--out", OUT],
        ["--year", "2025", "--level", "lsoa", "--geojson", OUT, "--out", OUT],
        ["--year", "2019", "--compare", OUT, "--out", OUT],
        ["--year", "2025", "--level", "ward", "--compare", FOLDER, "--out", OUT],
        ["--lad", "Blakpool", "--out", OUT],
        ["--year", "2025", "--level", "ward", "--lad", "Aylesbury Vale", "--out", OUT],
    ],
    "needs change": [
        ["--from", "2025", "--to", "2019", "--out", OUT],
        ["--from", "2019", "--to", "2019", "--out", OUT],
        ["--from", "2019", "--to", "2025", "--level", "msoa", "--out", OUT],
        ["--from", "2019", "--to", "2025", "--out", FOLDER],
        ["--from", "2019", "--to", "2025", "--out", "-", "--json"],
        ["--from", "nan", "--to", "2025", "--out", OUT],
        ["--from", "2019", "--to", "2025", "--lad", "E07000004", "--out", OUT],
        ["--from", "2015", "--to", "2019", "--lad", "Atlantis", "--out", OUT],
    ],
    "map": [
        ["--what", "nonsense", "--out", f"{FOLDER}/map.svg"],
        ["--what", "imd", "--out", OUT],
        ["--what", "imd", "--out", "-"],
        ["--what", "imd", "--out", FOLDER],
        ["--what", "imd", "--out", "/proc/n4c-nowhere/map.svg"],
        ["--what", "imd", "--lad", "E0600000", "--out", f"{FOLDER}/map.svg"],
        ["--what", "imd", "--lad", "E05001645", "--out", f"{FOLDER}/map.svg"],
        ["--what", "imd", "--lad", "Newcastle", "--out", f"{FOLDER}/map.svg"],
        ["--what", "spending", "--out", f"{FOLDER}/map.svg"],
        ["--what", "spending", "--database", MISSING, "--out", f"{FOLDER}/map.svg"],
    ],
    "profile": [
        ["Bloomfield", "--out", f"{FOLDER}/profile.docx"],
        ["Bloomfield", "--out", "-"],
        ["Bloomfield", "--out", FOLDER],
        ["Bloomfield", "--out", "/proc/n4c-nowhere/profile.html"],
        ["   ", "--out", f"{FOLDER}/profile.html"],
        ["qqqqzzzzxxxx", "--out", f"{FOLDER}/profile.html"],
        ["Bloomfeild", "--out", f"{FOLDER}/profile.html"],
        ["Park", "--out", f"{FOLDER}/profile.html"],
        ["Bloomfield", "--edition", "2021", "--out", f"{FOLDER}/profile.html"],
        ["area:twelve", "--out", f"{FOLDER}/profile.html"],
        ["area:12", "--out", f"{FOLDER}/profile.html"],
        ["Bloomfield", "--assets", MISSING, "--out", f"{FOLDER}/profile.html"],
        ["Bloomfield", "--assets", FOLDER, "--out", f"{FOLDER}/profile.html"],
        ["Bloomfield", "--assets", BINARY, "--out", f"{FOLDER}/profile.html"],
    ],
    "place": [
        ["   "],
        ["!!!"],
        ["Bloomfield", "--kind", "county"],
        ["Bloomfield", "--limit", "0"],
        ["qqqqzzzzxxxx"],
    ],
    "needs combine": [
        ["--spec", WIEGHT, "--out", OUT],
        ["--spec", BINARY, "--out", OUT],
        ["--spec", FOLDER, "--out", OUT],
        ["--year", "3000", "--out", OUT],
        ["--year", "2025", "--lad", "Atlantis", "--out", OUT],
        ["--lad", "Blackpool", "--spec", WIEGHT, "--out", OUT],
    ],
    "needs sensitivity": [
        ["--lad", "E99999999", "--out", OUT],
        ["--concentration", "nan", "--out", OUT],
        ["--concentration", "inf", "--out", OUT],
        ["--replications", "1000000000", "--out", OUT],
        ["--seed", "-1", "--out", OUT],
    ],
    "needs summarise": [
        ["--level", "nonsense"],
        ["--year", "3000"],
        ["--year", "2025", "--level", "msoa", "--out", OUT],
        ["--year", "2025", "--lad", "Blakpool", "--out", OUT],
        ["--year", "2025", "--lad", "E07000004", "--out", OUT],
        ["--lad", "", "--out", OUT],
    ],
    "panels count": [
        [BINARY, "--rule", "greedy"],
        [FOLDER, "--rule", "greedy"],
        [MISSING, "--rule", "greedy"],
        [ASSETS, "--rule", "greedy"],
        [ASSETS, "--rule", "no-such-rule"],
    ],
    "plain check": [
        [BINARY],
        [FOLDER],
        [MISSING],
        [NUL_ASSETS],
        [ASSETS, "--target", "eleven"],
        [ASSETS, "--target", "11-9"],
        [ASSETS, "--format", "pdf"],
        [ASSETS, "--allow-file", MISSING],
        [ASSETS, "--allow-file", BINARY],
    ],
    "platform manage": [["no-such-command"]],
    "platform seed-demo": [["--areas", "-5"], ["--areas", "1000000000"]],
    "rights check-assets": [
        [BINARY],
        [FOLDER],
        [MISSING],
        [NUL_ASSETS],
        [ASSETS, "--out", FOLDER],
        [ASSETS, "--out", UNWRITABLE],
        [ASSETS, "--rejected", UNWRITABLE],
    ],
    "rights deadlines": [
        ["--event", "notice-of-disposal", "--date", FAR],
        [
            "--event",
            "request-to-bid",
            "--date",
            "2026-04-01",
            "--also",
            f"notice-of-disposal={FAR}",
        ],
        ["--event", "nomination", "--date", "not a date"],
        ["--event", "nomination", "--date", "2026-01-05", "--rules", BINARY],
        ["--event", "nomination", "--date", "2026-01-05", "--rules", MISSING],
    ],
    "rights rules": [["--on", FAR], ["--rules", BINARY]],
    "rollout": [
        ["--years", "1000000"],
        ["--areas", "-1"],
        ["--areas", "100000000000000000000"],
        ["--assumptions", WIEGHT],
        ["--assumptions", BINARY],
        ["--assumptions", FOLDER],
    ],
    "serve": [["--port", "99999999"], ["--threads", "0"], ["--workers", "-1"]],
    "spending chart": [
        ["--out", OUT, "--database", MISSING],
        ["--out", OUT, "--database", BINARY],
        ["--out", OUT, "--award-from", "1e30"],
    ],
    "spending fairshare": [
        ["--database", MISSING],
        ["--database", FOLDER],
        ["--award-to", "99999"],
    ],
    "spending import": [
        [BINARY],
        [FOLDER],
        [MISSING],
        [DEEP],
        [GRANTS, "--problems", FOLDER],
        [GRANTS, "--problems", UNWRITABLE],
        [GRANTS, "--database", UNWRITABLE],
        [GRANTS, "--database", FOLDER],
    ],
    "spending report": [
        ["--out", OUT, "--database", MISSING],
        ["--out", OUT, "--database", BINARY],
    ],
}

#: Commands that hand their arguments to another program, which words its own errors.
PASSED_THROUGH = {"platform manage"}


def _commands() -> list[str]:
    def walk(command, path):
        subs = getattr(command, "commands", None)
        if not subs:
            yield " ".join(path)
            return
        for name, sub in sorted(subs.items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


def test_every_command_has_bad_input_cases() -> None:
    assert sorted(CASES) == _commands()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("bad-input")
    made = {
        "binary": folder / "binary.toml",
        "wieght": folder / "wieght.toml",
        "huge_pot": folder / "huge_pot.toml",
        "assets": folder / "assets.csv",
        "nul_assets": folder / "nul_assets.csv",
        "grants": folder / "grants.json",
        "deep": folder / "deep.json",
        "panel": folder / "panel.csv",
        "unbalanced": folder / "unbalanced.csv",
    }
    made["binary"].write_bytes(gzip.compress(b"not really a file"))
    made["wieght"].write_bytes("# Café\n[index]\nwieght = 5\n".encode("cp1252"))
    made["huge_pot"].write_text(
        '[fund]\nname = "Huge"\nlevel = "ward"\npot_gbp = 1e30\nyears = 1\n'
        '[formula]\nmethod = "equal"\n',
        encoding="utf-8",
    )
    made["assets"].write_text(GOOD_ASSETS, encoding="utf-8")
    made["nul_assets"].write_bytes(GOOD_ASSETS.encode() + b"Choir\x00,social,M1 1AE\n")
    made["grants"].write_text(GRANT, encoding="utf-8")
    made["deep"].write_text('{"grants": [' + "[" * 100_000 + "]" * 100_000 + "]}", "utf-8")
    panel = ["ward,year,supported,after,score"] + [
        f"w{u},{year},{int(u < 2)},{int(u < 2 and year == 2019)},{u + year % 7}"
        for u in range(4)
        for year in (2015, 2019)
    ]
    made["panel"].write_text("\n".join(panel) + "\n", encoding="utf-8")
    made["unbalanced"].write_text("\n".join(panel[:-1]) + "\n", encoding="utf-8")
    places = {name: str(path) for name, path in made.items()}
    return places | {
        "folder": str(folder),
        "missing": str(folder / "missing.csv"),
        "unwritable": "/proc/n4c-nowhere/out.csv",
        "out": str(folder / "out" / "result.csv"),
    }


@pytest.mark.parametrize(
    ("command", "args"),
    [(command, args) for command, cases in CASES.items() for args in cases],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_bad_input_is_one_plain_sentence(command, args, files, tmp_path) -> None:
    argv = [*command.split(), *(arg.format(**files) for arg in args)]
    env = {**os.environ, "N4C_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "n4c", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    if command in PASSED_THROUGH:
        return
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, output
    assert lines[-1].startswith("Error: "), output
    assert "unexpected problem" not in lines[-1], output


MISSPELT = {
    "needs combine": (
        ["--out", OUT, "--spec"],
        '[index]\nname = "x"\narea_column = "code"\n\n[[indicators]]\ncolumn = "a"\nwieght = 5\n',
        '"wieght" is not a key of [indicators[1]]; did you mean "weight"?',
    ),
    "rollout": (
        ["--assumptions"],
        "[costs]\non_cost_percent = 30\n",
        '"on_cost_percent" is not a key of [costs]; did you mean "on_costs_percent"?',
    ),
    "allocate": (
        [],
        '[fund]\nname = "x"\nlevel = "ward"\npot_gpb = 1000\n',
        '"pot_gpb" is not a key of [fund]; did you mean "pot_gbp"?',
    ),
    "rights rules": (
        ["--rules"],
        '[rules_file]\ntitle = "x"\neffective_frm = 2020-01-01\n',
        '"effective_frm" is not a key of [rules_file]; did you mean "effective_from"?',
    ),
}


@pytest.mark.parametrize("command", sorted(MISSPELT))
def test_every_toml_the_cli_reads_refuses_a_misspelt_key(command, files, tmp_path) -> None:
    """A misspelt key silently ignored would change results; each TOML reader names it."""
    before, text, message = MISSPELT[command]
    spec = tmp_path / "spec.toml"
    spec.write_text(text, encoding="utf-8")
    argv = [*command.split(), *(arg.format(**files) for arg in before), str(spec)]
    env = {**os.environ, "N4C_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "400"}
    result = subprocess.run(
        [sys.executable, "-m", "n4c", *argv], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 1
    assert message in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
def test_every_float_option_refuses_non_finite_numbers_before_the_command_runs(value) -> None:
    """Python's float() accepts "nan"; the CLI does not, for every float option at once."""
    from n4c.cli import command

    root = command()
    floats = [
        (name, sub, param)
        for name, group in [("", root), *root.commands.items()]
        for sub in ([group] if not getattr(group, "commands", None) else group.commands.values())
        for param in sub.params
        if type(param.type).__name__ == "Finite"
    ]
    assert {param.name for _, _, param in floats} >= {"capacity_strength", "concentration"}
    for _, _, param in floats:
        # A bounded option may refuse infinity as out of range first; either way it is refused.
        with pytest.raises(Exception, match=r"is not a number n4c can use|is not in the range"):
            param.type.convert(value, param, None)
