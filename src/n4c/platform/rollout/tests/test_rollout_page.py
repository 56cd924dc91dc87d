"""The rollout page and API give the model's answer and take edited assumptions."""

from __future__ import annotations

import pytest
from django.conf import settings

from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_seeds_estimate_with_the_defaults(make_person, client_for) -> None:
    page = client_for(make_person(Role.ADVISER)).get("/rollout/").content.decode()
    assert (
        "By year 3: 100 areas, 40 posts (30 advisers and community workers, 10 cross-cutting), £3,494,880 a year."
        in page
    )


@pytest.mark.parametrize(
    ("language", "answer", "error", "post", "line"),
    [
        (
            "pl",
            "W roku 3: 100 obszarów, etaty: 40",
            "Wpisz liczbę lat, np. 3.",
            "Kierownik ośrodka regionalnego",
            "Szkolenia dla mieszkańców",
        ),
        (
            "ur",
            "سال 3 تک: 100 علاقے، 40 اسامیاں",
            "درج کریں کہ کتنے سال، جیسے 3۔",
            "علاقائی مرکز کا سربراہ",
            "رہائشیوں کی تربیت",
        ),
    ],
)
def test_the_page_and_its_errors_read_in_polish_and_urdu(
    make_person, client_for, language, answer, error, post, line
) -> None:
    """Posts and cost lines come from the assumptions file, through the catalogue."""
    client = client_for(make_person(Role.ADVISER))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/rollout/")
    page = response.content.decode()
    assert answer in page
    assert f'<th scope="row">{post}</th>' in page
    assert f'<th scope="row">{line}</th>' in page
    assert "Residents training" not in page and "The Network for Communities report" not in page
    defaults = response.context["form"].data
    assert error in client.get("/rollout/", {**defaults, "years": ""}).content.decode()


def test_edited_assumptions_change_the_answer(make_person, client_for) -> None:
    client = client_for(make_person(Role.NATIONAL_TEAM))
    defaults = client.get("/rollout/").context["form"].data
    edited = {**defaults, "areas": 50, "years": 2, "adviser__areas_per_post": 5}
    page = client.get("/rollout/", edited).content.decode()
    # 10 advisers, 10 community workers, 2 hub leads and one of each other cross-cutting role.
    assert (
        "By year 2: 50 areas, 26 posts (20 advisers and community workers, 6 cross-cutting)" in page
    )


def test_a_bad_value_is_explained_on_the_form(make_person, client_for) -> None:
    client = client_for(make_person(Role.NATIONAL_TEAM))
    defaults = client.get("/rollout/").context["form"].data
    response = client.get("/rollout/", {**defaults, "years": ""})
    assert response.status_code == 400
    assert "Enter how many years, like 3." in response.content.decode()


def test_the_api_lays_assumptions_over_the_defaults(make_person, client_for) -> None:
    client = client_for(make_person(Role.HUB_LEAD))
    response = client.post(
        "/api/rollout/",
        data={"areas": 100, "years": 3, "assumptions": {"costs": {"on_costs_percent": 0}}},
        content_type="application/json",
    )
    last = response.json()["rollout"][-1]
    assert last["staff"]["adviser"] == 10
    assert last["cost_gbp"]["on_costs_gbp"] == 0


def test_the_api_explains_bad_assumptions(make_person, client_for) -> None:
    response = client_for(make_person(Role.HUB_LEAD)).post(
        "/api/rollout/",
        data={"assumptions": {"costs": {"on_costs_percent": -5}}},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "costs.on_costs_percent"],
            "msg": '"-5" must be a number from 0 to 100.',
            "type": "invalid",
        }
    ]


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"areas": 100, "years": 200_000}, "years"), ({"areas": 1_000_000, "years": 3}, "areas")],
)
def test_the_api_refuses_a_rollout_past_its_bounds(make_person, client_for, payload, field) -> None:
    """Out-of-range sizes are a 422 in the one error shape, before any work is done."""
    response = client_for(make_person(Role.ADVISER)).post(
        "/api/rollout/", data=payload, content_type="application/json"
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"][0] == "body"
    assert problem["loc"][-1] == field


def test_the_api_refuses_an_absurd_salary(make_person, client_for) -> None:
    response = client_for(make_person(Role.ADVISER)).post(
        "/api/rollout/",
        data={"assumptions": {"roles": [{"key": "adviser", "salary_gbp": 1e30}]}},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == '"1e+30" must be a number from 0 to 500,000.'


def test_the_form_and_the_model_share_their_bounds(make_person, client_for) -> None:
    from n4c.rollout import bounds

    client = client_for(make_person(Role.NATIONAL_TEAM))
    form = client.get("/rollout/").context["form"]
    assert form.fields["years"].max_value == bounds.YEARS.maximum
    response = client.get("/rollout/", {**form.data, "years": bounds.YEARS.maximum + 1})
    assert response.status_code == 400


def test_the_api_refuses_deeply_nested_assumptions_with_a_422(make_person, client_for) -> None:
    body = '{"assumptions": {"costs": ' + '{"a": ' * 500 + "1" + "}" * 500 + "}}"
    response = client_for(make_person(Role.ADVISER)).post(
        "/api/rollout/", data=body, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "tables and lists nest more than 32 deep; a specification needs only a few levels."
    )


def test_the_plan_downloads_with_the_page_s_assumptions(make_person, client_for) -> None:
    import csv
    import io

    import openpyxl

    from n4c.platform.audit.models import AuditEvent

    client = client_for(make_person(Role.NATIONAL_TEAM))
    defaults = client.get("/rollout/").context["form"].data
    edited = {**defaults, "areas": 50, "years": 2}
    response = client.get("/rollout/export.xlsx", edited)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["rollout"]
    header = [cell.value for cell in sheet[1]]
    assert [row[:2] for row in sheet.iter_rows(min_row=2, values_only=True)] == [(1, 25), (2, 50)]
    total = sheet.cell(row=3, column=header.index("total_gbp") + 1)
    assert total.number_format == '"£"#,##0' and sheet.freeze_panes == "A2"
    rows = list(
        csv.DictReader(io.StringIO(client.get("/rollout/export.csv", edited).content.decode()))
    )
    assert rows[-1]["total_gbp"] == str(total.value)
    page = client.get("/rollout/", edited).content.decode()
    assert f"By year 2: 50 areas, {rows[-1]['posts']} posts" in page
    assert f"£{total.value:,} a year" in page
    assert AuditEvent.objects.filter(action="exported", model="rollout.plan").count() == 2
    assert client.get("/rollout/export.csv", {**edited, "years": "-1"}).status_code == 400


def test_every_default_assumption_word_is_translated() -> None:
    from django.utils import translation

    from n4c.rollout import assumption_words

    for language in ("pl", "ur"):
        with translation.override(language):
            assert [w for w in assumption_words() if translation.gettext(w) == w] == []


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        (
            "pl",
            "liczba wartości w cohort_shares (3) nie zgadza się z liczbą lat planu rozwoju (4); "
            "podaj jedną wartość na każdy rok.",
        ),
        (
            "ur",
            "cohort_shares میں 3 عدد ہیں لیکن توسیعی منصوبہ 4 سال کا ہے؛ ہر سال کے لیے ایک حصہ دیں۔",
        ),
    ],
)
def test_the_models_refusal_reads_in_polish_and_urdu(
    make_person, client_for, monkeypatch, language, refusal
) -> None:
    """Defaults that phase areas in three cohorts cannot plan four years: the model says so, in
    the page's language (the form's own bounds already keep sizes in range)."""
    from n4c import rollout
    from n4c.rollout import assumptions

    builtin = assumptions.default_assumptions_dict

    def three_cohorts():
        return rollout.merge_assumptions(builtin(), {"phasing": {"cohort_shares": [1, 2, 3]}})

    monkeypatch.setattr(assumptions, "default_assumptions_dict", three_cohorts)
    monkeypatch.setattr(rollout, "default_assumptions_dict", three_cohorts)
    client = client_for(make_person(Role.NATIONAL_TEAM))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    defaults = client.get("/rollout/").context["form"].data
    response = client.get("/rollout/", {**defaults, "years": 4})
    page = response.content.decode()
    assert response.status_code == 400
    assert refusal in page
    assert "cohort_shares has 3 values" not in page and "give one share per year" not in page
