"""Extensions agreed in writing and closing a case: through the API and the case page."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.assets.models import Asset
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent, CaseExtension

pytestmark = pytest.mark.django_db


@pytest.fixture
def review_case(area):
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical", postcode="M1 1AE")
    case = AssetCase.objects.create(
        asset=asset, title="Listing review", opened_on=dt.date(2026, 1, 5)
    )
    CaseEvent.objects.create(case=case, event="review-request", date=dt.date(2026, 1, 5))
    return case


def _extend(api, case, rule_id: str, date: str):
    return api.post(
        f"/api/assets/cases/{case.pk}/extensions",
        {"rule_id": rule_id, "extended_to": date, "note": "Letter of 2 Feb"},
        content_type="application/json",
    )


def test_an_agreed_extension_moves_the_review_date_and_says_so(client_for, national, review_case):
    response = _extend(
        client_for(national), review_case, "acv.listing-review-decision", "2026-04-01"
    )
    assert response.status_code == 201
    (review,) = response.json()
    assert (review["date"], review["extended"]) == ("2026-04-01", True)
    page = client_for(national).get(review_case.get_absolute_url()).content.decode()
    assert "extended by agreement" in page


def test_a_fixed_statutory_period_cannot_be_extended(client_for, national, review_case):
    CaseEvent.objects.create(case=review_case, event="notice-of-disposal", date=dt.date(2026, 1, 5))
    response = _extend(client_for(national), review_case, "acv.interim-moratorium", "2026-06-01")
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "rule_id"]
    assert "cannot be extended by agreement" in problem["msg"]
    assert CaseExtension.objects.count() == 0


def test_an_extension_must_be_later_than_the_statutory_date(client_for, national, review_case):
    response = _extend(
        client_for(national), review_case, "acv.listing-review-decision", "2026-02-01"
    )
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "extended_to"]
    assert problem["msg"] == "An extension must be later than the statutory date 2026-03-01."


def test_a_closed_case_leaves_the_calendar(client_for, national, area):
    asset = Asset.objects.create(area=area, name="Hall", kind="physical", postcode="M1 1AE")
    case = AssetCase.objects.create(asset=asset, title="Nomination", opened_on=dt.date.today())
    CaseEvent.objects.create(case=case, event="nomination", date=dt.date.today())
    api = client_for(national)
    assert len(api.get("/api/assets/deadlines").json()) == 1
    closed = api.post(
        f"/api/assets/cases/{case.pk}/close",
        {"closed_on": dt.date.today().isoformat()},
        content_type="application/json",
    )
    assert closed.status_code == 200 and closed.json()["closed_on"] == dt.date.today().isoformat()
    assert api.get("/api/assets/deadlines").json() == []


def test_a_case_cannot_close_before_it_opened_on_the_page(client_for, national, review_case):
    page = client_for(national).post(
        review_case.get_absolute_url(), {"action": "close", "closed_on": "2025-12-31"}
    )
    assert "A case cannot close before it opened." in page.content.decode()
    review_case.refresh_from_db()
    assert review_case.closed_on is None
