"""Pabulib .pb files: every vote type read, written and read back; bad files named by line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pabutools.election import parse_pabulib

from n4c.errors import InputError
from n4c.panels import (
    VOTE_TYPES,
    Ballot,
    Election,
    PbFileError,
    Project,
    format_pb,
    parse_pb,
    read_pb,
    write_pb,
)

FILES = Path(__file__).parent / "files"
GOOD = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\n2;50\nVOTES\nvoter_id;vote\na;1,2\nb;2\n"


def test_the_formats_own_example_reads_as_pabutools_reads_it() -> None:
    election = read_pb(FILES / "wieliczka_approval.pb")
    instance, profile = parse_pabulib(str(FILES / "wieliczka_approval.pb"))
    assert election.budget == 2500 == instance.budget_limit
    assert election.vote_type == "approval"
    assert {p.id: p.cost for p in election.projects} == {p.name: p.cost for p in instance}
    assert [set(b.projects) for b in election.ballots] == [{p.name for p in b} for b in profile]
    assert election.projects[0].extra == {"category": "culture, education"}
    assert election.ballots[0].extra == {"age": "34", "sex": "f"}
    assert election.meta["unit"] == "Wieliczka"
    assert "num_votes" not in election.meta  # counted again when written
    assert election.votes() == {"1": 4, "2": 4, "4": 6, "5": 5, "7": 3}


def test_a_cumulative_file_with_a_byte_order_mark_and_quoted_semicolons_is_read() -> None:
    election = read_pb(FILES / "cumulative_bom.pb")
    assert election.vote_type == "cumulative"
    assert election.meta["description"] == "Park; playground and paths"
    assert election.project("A").name == 'The "green" park'
    assert election.ballots[2] == Ballot.scores("v3", {"B": 5, "C": 3, "A": 2})
    assert election.votes() == {"A": 8, "B": 9, "C": 13}


def test_scores_may_be_fractions_and_ordinal_ballots_keep_their_order() -> None:
    scoring = read_pb(FILES / "scoring.pb")
    assert scoring.ballots[2].points == (2.5,)
    assert scoring.votes() == {"1": 7.5, "2": 5, "3": 4}
    ordinal = read_pb(FILES / "ordinal.pb")
    assert ordinal.ballots[0] == Ballot.ranking("a", ["3", "1", "2"])
    assert ordinal.votes() == {"1": 2, "2": 2, "3": 2}


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.glob("*.pb")))
def test_every_example_file_reads_back_the_same_after_writing(name: str, tmp_path: Path) -> None:
    election = read_pb(FILES / name)
    write_pb(election, tmp_path / name)
    assert read_pb(tmp_path / name) == election
    # pabutools reads what n4c writes.
    instance, profile = parse_pabulib(str(tmp_path / name))
    assert len(instance) == len(election.projects) and len(profile) == len(election.ballots)


_ids = st.text(alphabet="abcxyz0123456789", min_size=1, max_size=4)
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=8)


@st.composite
def elections(draw: st.DrawFn) -> Election:
    vote_type = draw(st.sampled_from(VOTE_TYPES))
    ids = draw(st.lists(_ids, min_size=1, max_size=6, unique=True))
    costs = draw(
        st.lists(
            st.integers(0, 10_000) | st.floats(0, 1e6, allow_nan=False),
            min_size=len(ids),
            max_size=len(ids),
        )
    )
    names = draw(st.lists(_text.map(str.strip), min_size=len(ids), max_size=len(ids)))
    projects = tuple(Project(i, c, n) for i, c, n in zip(ids, costs, names, strict=True))
    ballots = []
    for number in range(draw(st.integers(0, 6))):
        chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
        points: tuple[int, ...] = ()
        if vote_type in ("cumulative", "scoring"):
            points = tuple(
                draw(st.lists(st.integers(0, 20), min_size=len(chosen), max_size=len(chosen)))
            )
        age = draw(_text.map(str.strip))
        ballots.append(Ballot(f"v{number}", tuple(chosen), points, {"age": age}))
    meta = {"description": draw(_text.map(str.strip)), "country": "United Kingdom"}
    budget = draw(st.integers(0, 100_000))
    return Election(budget, vote_type, projects, tuple(ballots), meta)


@given(elections())
@settings(max_examples=150, deadline=None)
def test_any_vote_written_as_pb_reads_back_the_same(election: Election) -> None:
    assert parse_pb(format_pb(election)) == election


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("key;value\n", "x.pb, line 1: the file must start with the META section (a line saying META)."),
        ("META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n",
         'x.pb, line 2, section META: the section has no "budget" line.'),
        (GOOD.replace("budget;100", "budget;lots"),
         'x.pb, line 3, section META: the budget must be a number of at least 0, not "lots".'),
        (GOOD.replace("vote_type;approval", "vote_type;approval\nbudget;20"),
         'x.pb, line 5, section META: "budget" is given twice (first on line 3).'),
        ("META\nkey;value\nbudget;10\nvote_type;quadratic\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n",
         'x.pb, line 4, section META: "quadratic" is not a vote type; choose one of approval, cumulative, scoring, ordinal.'),
        (GOOD.replace("2;50", "2;-50"),
         'x.pb, line 8, section PROJECTS: the cost of proposal 2 must be a number of at least 0, not "-50".'),
        (GOOD.replace("budget;100", "budget;2,500"),
         'x.pb, line 3, section META: the budget "2,500" could be read two ways. Write it without a thousands separator (2500) and with a full stop for decimals (2.5).'),
        (GOOD.replace("2;50", "2;50;extra"),
         "x.pb, line 8, section PROJECTS: this line has 3 values but the header on line 6 names 2 columns. Put values holding a semicolon in double quotes."),
        (GOOD.replace("2;50", "1;50"), "x.pb, line 8, section PROJECTS: proposal 1 is listed twice."),
        (GOOD.replace("project_id;cost", "project_id;price"),
         'x.pb, line 6, section PROJECTS: the header has no "cost" column (it has project_id;price).'),
        (GOOD.replace("b;2", "b;3"), "x.pb, line 12, section VOTES: voter b voted for 3, which is not in PROJECTS."),
        (GOOD.replace("b;2", "a;2"), "x.pb, line 12, section VOTES: voter a has two ballots (the first on line 11)."),
        (GOOD.replace("a;1,2", "a;1,1"), "x.pb, line 11, section VOTES: voter a names a proposal twice."),
        (GOOD.replace("approval", "cumulative"),
         'x.pb, line 10, section VOTES: the header has no "points" column (it has voter_id;vote).'),
        (GOOD.replace("approval", "scoring").replace("voter_id;vote", "voter_id;vote;points").replace("a;1,2", "a;1,2;3").replace("b;2", "b;2;1"),
         "x.pb, line 11, section VOTES: voter a has 1 points for 2 proposals."),
        (GOOD.replace("VOTES", "PROJECTS"), "x.pb, line 9, section PROJECTS: the PROJECTS section appears twice."),
        (GOOD.split("VOTES")[0], "x.pb, section VOTES: the file has no VOTES section (it ends on line 8)."),
        (GOOD.replace("voter_id;vote\na;1,2\nb;2\n", ""), "x.pb, line 9, section VOTES: the section has no header line."),
    ],
)  # fmt: skip
def test_a_malformed_file_names_its_section_and_line(text: str, message: str) -> None:
    with pytest.raises(PbFileError) as raised:
        parse_pb(text, path="x.pb")
    assert str(raised.value) == message
    assert isinstance(raised.value, InputError)


def test_a_decimal_comma_is_read_as_pabutools_reads_it() -> None:
    election = parse_pb(GOOD.replace("budget;100", "budget;100,5").replace("2;50", "2;49,75"))
    assert (election.budget, election.project("2").cost) == (100.5, 49.75)


def test_a_missing_file_is_said_plainly_and_windows_1252_is_read(tmp_path: Path) -> None:
    with pytest.raises(PbFileError, match=r"^none.pb: the file does not exist. Check the path.$"):
        read_pb(tmp_path / "none.pb")
    (tmp_path / "excel.pb").write_bytes(GOOD.replace("a;1,2", "\xe9;1,2").encode("cp1252"))
    assert "\xe9" in {ballot.voter_id for ballot in read_pb(tmp_path / "excel.pb").ballots}
    (tmp_path / "binary.pb").write_bytes(gzip.compress(GOOD.encode()))
    with pytest.raises(PbFileError, match=r"^binary.pb: "):
        read_pb(tmp_path / "binary.pb")


def test_a_ballot_made_in_code_for_an_unknown_proposal_is_refused() -> None:
    with pytest.raises(InputError, match=r"voter a voted for 9, which is not a listed proposal\."):
        Election(10, "approval", (Project("1", 5),), (Ballot.approval("a", ["9"]),))
