"""The deadline engine: every built-in rule by table, versions by date, a reform as a new file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.errors import InputError
from n4c.rights import (
    case_deadlines,
    default_rulebook,
    event_deadlines,
    load_rulebook,
    missing_earlier_events,
)

D = dt.date
FILES = Path(__file__).parent / "files"
REFORM = FILES / "community_right_to_buy_2027.toml"

# One row per rule and case: (rule id, event, trigger date, expected date). Expected dates are
# counted by hand from the statutory wording, not by the code under test.
TABLE = [
    # 8 weeks beginning with the nomination: day 56 counting the day itself.
    ("acv.listing-decision", "nomination", D(2026, 1, 5), D(2026, 3, 1)),
    ("acv.listing-decision", "nomination", D(2024, 2, 1), D(2024, 3, 27)),  # leap year
    ("acv.listing-decision", "nomination", D(2023, 2, 1), D(2023, 3, 28)),
    ("acv.listing-decision", "nomination", D(2025, 12, 25), D(2026, 2, 18)),  # bank holidays count
    ("acv.listing-ends", "listing", D(2026, 3, 2), D(2031, 3, 1)),
    ("acv.listing-ends", "listing", D(2024, 2, 29), D(2029, 2, 28)),
    ("acv.listing-ends", "listing", D(2026, 1, 1), D(2030, 12, 31)),
    ("acv.listing-review-request", "listing-notice", D(2026, 12, 24), D(2027, 2, 17)),
    ("acv.listing-review-decision", "review-request", D(2028, 1, 10), D(2028, 3, 5)),
    # 28 days of the date notice was sent: counting starts the next day.
    ("acv.listing-appeal", "review-decision", D(2026, 1, 31), D(2026, 2, 28)),
    ("acv.listing-appeal", "review-decision", D(2028, 2, 1), D(2028, 2, 29)),
    ("acv.listing-appeal", "review-decision", D(2026, 12, 20), D(2027, 1, 17)),
    # Six weeks beginning with 1 March ends on 11 April.
    ("acv.interim-moratorium", "notice-of-disposal", D(2026, 3, 1), D(2026, 4, 11)),
    ("acv.interim-moratorium", "notice-of-disposal", D(2024, 1, 20), D(2024, 3, 1)),
    ("acv.interim-moratorium", "notice-of-disposal", D(2023, 1, 20), D(2023, 3, 2)),
    ("acv.request-to-bid", "notice-of-disposal", D(2026, 3, 1), D(2026, 4, 11)),
    ("acv.full-moratorium", "notice-of-disposal", D(2026, 3, 2), D(2026, 9, 1)),
    ("acv.full-moratorium", "notice-of-disposal", D(2025, 8, 31), D(2026, 2, 28)),
    ("acv.full-moratorium", "notice-of-disposal", D(2023, 8, 31), D(2024, 2, 29)),
    ("acv.full-moratorium", "notice-of-disposal", D(2023, 8, 29), D(2024, 2, 28)),
    ("acv.full-moratorium", "notice-of-disposal", D(2026, 1, 31), D(2026, 7, 30)),
    ("acv.protected-period", "notice-of-disposal", D(2026, 3, 2), D(2027, 9, 1)),
    ("acv.protected-period", "notice-of-disposal", D(2024, 8, 31), D(2026, 2, 28)),
    ("acv.protected-period", "notice-of-disposal", D(2022, 8, 31), D(2024, 2, 29)),
    # Thirteen weeks after the loss: day 91 counting from the next day.
    ("acv.compensation-claim", "loss-incurred", D(2026, 1, 1), D(2026, 4, 2)),
    ("acv.compensation-claim", "loss-incurred", D(2024, 1, 1), D(2024, 4, 1)),
    ("acv.compensation-review-request", "compensation-decision", D(2026, 6, 1), D(2026, 7, 26)),
    ("acv.compensation-appeal", "compensation-review-decision", D(2026, 6, 10), D(2026, 7, 8)),
    # Neighbourhood planning: "not less than 6 weeks from" and "N weeks from the day after".
    ("np.area-representations", "area-application-publicised", D(2026, 3, 1), D(2026, 4, 12)),
    ("np.area-decision", "area-application-publicised", D(2026, 1, 1), D(2026, 4, 3)),
    (
        "np.area-decision-cross-boundary",
        "area-application-publicised",
        D(2026, 1, 1),
        D(2026, 5, 22),
    ),
    ("np.area-decision-whole-parish", "area-application-publicised", D(2016, 1, 4), D(2016, 3, 1)),
    ("np.forum-representations", "forum-application-publicised", D(2026, 2, 20), D(2026, 4, 3)),
    ("np.forum-decision", "forum-application-publicised", D(2026, 2, 20), D(2026, 5, 23)),
    (
        "np.forum-decision-cross-boundary",
        "forum-application-publicised",
        D(2026, 2, 20),
        D(2026, 7, 11),
    ),
    ("np.forum-designation-ends", "forum-designated", D(2026, 2, 20), D(2031, 2, 19)),
    (
        "np.pre-submission-representations",
        "pre-submission-publicised",
        D(2026, 12, 1),
        D(2027, 1, 12),
    ),
    ("np.submission-representations", "plan-publicised", D(2028, 2, 20), D(2028, 4, 2)),
    ("np.examiner-report-decision", "examiner-report-received", D(2026, 12, 20), D(2027, 1, 25)),
    ("np.plan-made", "referendum-held", D(2026, 5, 7), D(2026, 7, 3)),
    ("np.referendum-information-statement", "referendum-poll", D(2026, 3, 26), D(2026, 2, 26)),
    ("np.referendum-information-statement", "referendum-poll", D(2028, 3, 28), D(2028, 2, 29)),
    (
        "np.business-referendum-information-statement",
        "referendum-poll",
        D(2026, 5, 7),
        D(2026, 3, 12),
    ),
]


def _one(rule_id: str, event: str, on: dt.date, **kwargs):
    found = [d for d in case_deadlines({event: on}, **kwargs) if d.rule_id == rule_id]
    assert len(found) == 1, f"{rule_id} gave {len(found)} dates for {event} on {on}"
    return found[0]


@pytest.mark.parametrize(("rule_id", "event", "on", "expected"), TABLE)
def test_every_rule_gives_the_hand_counted_date(rule_id, event, on, expected):
    deadline = _one(rule_id, event, on)
    assert deadline.date == expected
    assert deadline.trigger_date == on
    assert deadline.citation


def test_the_table_covers_every_built_in_rule():
    """Adding a rule without a row in the table above fails here."""
    book = default_rulebook()
    covered = {row[0] for row in TABLE}
    assert set(book.rule_ids()) - covered == set()


def test_each_date_names_its_rule_version_and_citation():
    deadline = _one("acv.interim-moratorium", "notice-of-disposal", D(2026, 3, 1))
    assert deadline.rule_version == "2012-09-21"
    assert deadline.citation == "Localism Act 2011 s.95(1), (2) and (6)"
    assert deadline.period == "6 weeks beginning with 2026-03-01"
    assert deadline.as_dict()["date"] == "2026-04-11"


def test_the_version_in_force_on_the_trigger_date_is_used():
    """Area decisions have dates only from 9 Feb 2015 (SI 2015/20); the whole-parish 8 weeks
    was omitted from 1 Oct 2016 (SI 2016/873)."""
    before = {d.rule_id for d in case_deadlines({"area-application-publicised": D(2015, 2, 8)})}
    during = {d.rule_id for d in case_deadlines({"area-application-publicised": D(2015, 2, 9)})}
    after = {d.rule_id for d in case_deadlines({"area-application-publicised": D(2016, 10, 1)})}
    assert before == {"np.area-representations"}
    assert "np.area-decision-whole-parish" in during and "np.area-decision" in during
    assert "np.area-decision-whole-parish" not in after and "np.area-decision" in after


def test_nothing_is_counted_before_the_law_began():
    assert case_deadlines({"notice-of-disposal": D(2012, 9, 20)}) == []
    assert len(case_deadlines({"notice-of-disposal": D(2012, 9, 21)})) == 4


def test_a_timely_request_to_bid_turns_on_the_full_moratorium():
    case = {"notice-of-disposal": D(2026, 3, 2), "request-to-bid": D(2026, 4, 12)}
    full = next(d for d in case_deadlines(case) if d.rule_id == "acv.full-moratorium")
    assert (full.status, full.date) == ("applies", D(2026, 9, 1))


def test_a_late_request_to_bid_does_not_and_the_reason_says_why():
    case = {"notice-of-disposal": D(2026, 3, 2), "request-to-bid": D(2026, 4, 13)}
    full = next(d for d in case_deadlines(case) if d.rule_id == "acv.full-moratorium")
    assert full.status == "not_applicable"
    assert "came after 12 April 2026, the last day allowed" in full.reason


def test_without_a_request_the_full_moratorium_is_conditional():
    full = _one("acv.full-moratorium", "notice-of-disposal", D(2026, 3, 2))
    assert full.status == "conditional"
    assert "asks in writing to bid" in full.condition


def test_a_request_to_bid_alone_asks_for_the_notice_date():
    with pytest.raises(InputError, match=r"counted from the notice-of-disposal") as caught:
        event_deadlines("request-to-bid", D(2026, 3, 20))
    assert "Give the date of the notice-of-disposal too." in str(caught.value)
    assert missing_earlier_events("request-to-bid") == ["notice-of-disposal"]
    found = event_deadlines(
        "request-to-bid", D(2026, 3, 20), earlier={"notice-of-disposal": D(2026, 3, 2)}
    )
    assert [(d.rule_id, d.status) for d in found] == [("acv.full-moratorium", "applies")]


def test_an_unknown_event_lists_the_known_ones():
    with pytest.raises(InputError, match="'sale' is not an event any rule counts from") as caught:
        event_deadlines("sale", D(2026, 1, 1))
    assert "notice-of-disposal" in str(caught.value)


def test_only_extendable_periods_can_be_extended_by_agreement():
    case = {"review-request": D(2026, 1, 5)}
    extended = case_deadlines(case, extensions={"acv.listing-review-decision": D(2026, 4, 1)})
    assert (extended[0].date, extended[0].extended) == (D(2026, 4, 1), True)
    with pytest.raises(InputError, match="cannot be extended by agreement"):
        case_deadlines(
            {"notice-of-disposal": D(2026, 1, 5)},
            extensions={"acv.interim-moratorium": D(2026, 4, 1)},
        )
    with pytest.raises(InputError, match="must be later than the statutory date 2026-03-01"):
        case_deadlines(case, extensions={"acv.listing-review-decision": D(2026, 2, 1)})


# A reform is a new rule file ------------------------------------------------------------------


@pytest.fixture(scope="module")
def reformed():
    return load_rulebook([REFORM])


def test_a_reform_file_changes_dates_from_its_start_only(reformed):
    old = _one("acv.full-moratorium", "notice-of-disposal", D(2026, 12, 31), rulebook=reformed)
    new = _one("acv.full-moratorium", "notice-of-disposal", D(2027, 1, 1), rulebook=reformed)
    assert (old.date, old.rule_version) == (D(2027, 6, 30), "2012-09-21")
    assert (new.date, new.rule_version) == (D(2027, 12, 31), "2027-01-01")
    assert new.citation == "Community right to buy (test fixture) moratorium"
    # Rules the reform does not repeat stay as they were.
    interim = _one("acv.interim-moratorium", "notice-of-disposal", D(2027, 1, 1), rulebook=reformed)
    assert interim.rule_version == "2012-09-21"


def test_a_reform_file_can_add_a_period_counted_from_a_new_event(reformed):
    found = event_deadlines(
        "request-to-bid",
        D(2027, 2, 1),
        earlier={"notice-of-disposal": D(2027, 1, 20)},
        rulebook=reformed,
    )
    assert {d.rule_id: d.date for d in found} == {
        "crtb.valuation-request": D(2027, 2, 28),
        "acv.full-moratorium": D(2028, 1, 19),
    }


def test_the_reform_can_be_switched_on_by_setting(monkeypatch):
    monkeypatch.setenv("N4C_RIGHTS_RULES", str(FILES))
    new = _one("acv.full-moratorium", "notice-of-disposal", D(2027, 1, 1))
    assert new.rule_version == "2027-01-01"
    monkeypatch.delenv("N4C_RIGHTS_RULES")
    assert (
        _one("acv.full-moratorium", "notice-of-disposal", D(2027, 1, 1)).rule_version
        == "2012-09-21"
    )


# Properties -----------------------------------------------------------------------------------

law_dates = st.dates(min_value=D(2012, 9, 21), max_value=D(2100, 12, 31))


@given(on=law_dates, reform=st.booleans())
def test_no_deadline_precedes_its_trigger(on, reform):
    """Only 'before' rules (the referendum notice) may fall before their trigger, by design."""
    book = load_rulebook([REFORM]) if reform else default_rulebook()
    forward = [r for r in book.rules if r.counting != "before"]
    case = {r.event: on for r in forward}
    for deadline in case_deadlines(case, rulebook=book):
        rule = book.version_on(deadline.rule_id, on)
        assert rule is not None
        if rule.counting == "before":
            assert deadline.date < on
        else:
            assert deadline.date >= on, deadline


@given(notice=law_dates, reform=st.booleans())
def test_the_protected_period_contains_the_moratoria(notice, reform):
    book = _REFORMED if reform else default_rulebook()
    dates = {
        d.rule_id: d.date for d in case_deadlines({"notice-of-disposal": notice}, rulebook=book)
    }
    assert notice <= dates["acv.interim-moratorium"] < dates["acv.full-moratorium"]
    assert dates["acv.full-moratorium"] < dates["acv.protected-period"]
    assert dates["acv.request-to-bid"] == dates["acv.interim-moratorium"]


_REFORMED = load_rulebook([REFORM])


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(2101, 1, 1)])
def test_an_event_outside_1990_to_2100_is_refused_naming_the_event(day: dt.date) -> None:
    """A period counted from 9999-12-31 does not fit in a date; the date is refused first."""
    with pytest.raises(InputError) as caught:
        case_deadlines({"notice-of-disposal": day})
    assert caught.value.field == "notice-of-disposal"
    assert caught.value.message == (
        f"Enter a date from 1990 to 2100; {day.isoformat()} is outside that range."
    )


def test_the_last_allowed_year_still_gives_its_deadlines() -> None:
    dates = case_deadlines({"notice-of-disposal": dt.date(2100, 12, 31)})
    assert max(d.date for d in dates).year == 2102
