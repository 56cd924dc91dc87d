"""The right to bid as a task list, its letters, met deadlines and condition sentences."""

from __future__ import annotations

import datetime as dt

from n4c import rights
from n4c.rights.letters import nomination_template

NOMINATED = dt.date(2026, 1, 5)
LISTED = dt.date(2026, 2, 20)
NOTICE = dt.date(2026, 3, 2)
REQUEST = dt.date(2026, 3, 20)


def _steps(case, today):
    return {s.key: s for s in rights.asset_journey(case, today=today)}


def _engine(case, rule_id):
    return next(d for d in rights.case_deadlines(case) if d.rule_id == rule_id)


def test_before_any_event_only_the_nomination_can_start():
    steps = rights.asset_journey({}, today=dt.date(2026, 1, 1))
    assert [(s.key, s.status) for s in steps] == [
        ("nomination", "not-started"),
        ("listing", "cannot-start-yet"),
        ("notice-of-disposal", "cannot-start-yet"),
        ("interim-moratorium", "cannot-start-yet"),
        ("request-to-bid", "cannot-start-yet"),
        ("full-moratorium", "cannot-start-yet"),
        ("protected-period", "cannot-start-yet"),
    ]
    assert "at least 21 members" in steps[0].what_to_do
    assert steps[0].letter == "nomination" and steps[4].letter == "request-to-bid"


def test_a_nomination_puts_the_listing_decision_in_progress_with_the_engines_date():
    case = {"nomination": NOMINATED}
    steps = _steps(case, NOMINATED)
    assert steps["nomination"].status == "done"
    assert steps["listing"].status == "in-progress"
    assert steps["listing"].by_when == _engine(case, "acv.listing-decision").date
    assert steps["listing"].by_when == dt.date(2026, 3, 1)
    assert steps["notice-of-disposal"].status == "cannot-start-yet"


def test_the_journey_from_nomination_to_the_protected_period_follows_the_engine():
    case = {
        "nomination": NOMINATED,
        "listing": LISTED,
        "notice-of-disposal": NOTICE,
        "request-to-bid": REQUEST,
    }
    during = _steps(case, dt.date(2026, 4, 1))
    assert during["listing"].status == "done"
    assert during["notice-of-disposal"].status == "done"
    assert during["interim-moratorium"].status == "in-progress"
    assert during["interim-moratorium"].by_when == dt.date(2026, 4, 12)
    assert during["request-to-bid"].status == "done"
    assert during["request-to-bid"].what_to_do == "Asked in writing on 20 March 2026."
    assert during["full-moratorium"].status == "in-progress"
    assert during["full-moratorium"].by_when == _engine(case, "acv.full-moratorium").date
    assert during["protected-period"].by_when == _engine(case, "acv.protected-period").date
    after = _steps(case, dt.date(2027, 9, 2))
    assert {s.status for s in after.values()} == {"done"}


def test_without_a_request_in_time_there_is_no_full_moratorium():
    case = {"nomination": NOMINATED, "listing": LISTED, "notice-of-disposal": NOTICE}
    open_window = _steps(case, dt.date(2026, 3, 10))
    assert open_window["request-to-bid"].status == "not-started"
    assert open_window["request-to-bid"].by_when == dt.date(2026, 4, 12)
    assert open_window["full-moratorium"].status == "cannot-start-yet"
    closed = _steps(case, dt.date(2026, 4, 13))
    assert closed["request-to-bid"].what_to_do == "The time to ask has run out."
    assert closed["full-moratorium"].what_to_do == (
        "No group asked in time, so there is no full moratorium."
    )


def test_a_deadline_met_by_its_event_is_shown_as_met_and_a_late_one_is_not():
    met = _engine({"notice-of-disposal": NOTICE, "request-to-bid": REQUEST}, "acv.request-to-bid")
    assert met.met_on == REQUEST
    assert met.status_note == "Met on 20 March 2026."
    late = _engine(
        {"notice-of-disposal": NOTICE, "request-to-bid": dt.date(2026, 5, 1)}, "acv.request-to-bid"
    )
    assert late.met_on is None
    listing = _engine({"nomination": NOMINATED, "listing": LISTED}, "acv.listing-decision")
    assert listing.met_on == LISTED


def test_conditions_read_as_sentences_not_after_the_word_if():
    made = _engine({"referendum-held": dt.date(2026, 5, 7)}, "np.plan-made")
    assert made.status_note == (
        "Where more than half of those voting in the referendum (each referendum, in a "
        "business area) vote yes."
    )
    ics = rights.deadlines_calendar(
        [rights.CalendarEntry(made, "Plan", "plan-1")],
        name="Area",
        stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    ).decode()
    assert "if Where" not in ics.replace("\r\n ", "")


def test_each_right_offers_only_its_own_events():
    book = rights.default_rulebook()
    bid, plan = book.events_of("acv"), book.events_of("np")
    assert "notice-of-disposal" in bid and "request-to-bid" in bid
    assert "referendum-held" in plan and "forum-designated" in plan
    assert not set(bid) & set(plan)


def test_the_nomination_letter_has_what_regulation_6_requires_and_marks_every_gap():
    details = rights.LetterDetails(
        asset_name="The Red Lion",
        address="1 High Street, M1 1AE",
        owners="Big Pub Co, 2 Market Street",
        nominator_name="Friends of the Red Lion",
        nominator_body="unincorporated-body",
        registered_members=25,
    )
    text = rights.nomination_letter(details, on=dt.date(2026, 3, 1))
    for heading in (
        "1. Description of the land",
        "2. Its proposed boundaries",
        "3. Occupants and owners",
        "4. Why we think it is of community value",
        "5. Why we may nominate",
    ):
        assert heading in text
    assert "The Red Lion, 1 High Street, M1 1AE." in text
    assert "Big Pub Co, 2 Market Street" in text
    assert "It has 25 members who are registered to vote" in text
    assert "[TO ADD: the boundaries" in text
    assert "[TO ADD: the names of the current occupants" in text
    assert "1 March 2026" in text


def test_an_unknown_kind_of_group_is_a_placeholder_not_a_guess():
    text = rights.nomination_letter(rights.LetterDetails(), on=None)
    assert "[TO ADD: the kind of body" in text
    assert "[TO ADD: the date]" in text
    assert text in nomination_template()


def test_the_request_to_bid_letter_gives_the_engines_last_day():
    deadline = _engine({"notice-of-disposal": NOTICE}, "acv.request-to-bid")
    text = rights.request_to_bid_letter(
        rights.LetterDetails(asset_name="The Red Lion"), deadline=deadline, on=dt.date(2026, 3, 5)
    )
    assert "on 2 March 2026" in text
    assert "The interim moratorium ends on 12 April 2026" in text
    assert "section 95(3)(b) of the Localism Act 2011" in text
    unknown = rights.request_to_bid_letter(rights.LetterDetails(), deadline=None, on=None)
    assert "[TO ADD: the date the council received the owner's notice]" in unknown
