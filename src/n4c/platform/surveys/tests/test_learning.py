"""The learning pages: results with intervals and suppression, frozen comparison wards, the open
data (totals only), and a member's survey answers in their export and gone on erasure."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from django.urls import reverse
from statsmodels.stats.proportion import proportion_confint

from n4c.platform.residents.gdpr import erase_resident, export_resident
from n4c.platform.surveys import services
from n4c.platform.surveys.models import Response, Site
from n4c.platform.surveys.results import support_days_before_waves

pytestmark = pytest.mark.django_db


def _paper(actor, wave, answers: list[dict]) -> None:
    for answer in answers:
        services.submit_response(actor, wave, answer, consented=True, method="paper")


def test_the_area_page_shows_each_result_with_its_interval(wave, home, adviser, client_for):
    _paper(adviser, wave, [{"trust": "many"}] * 6 + [{"trust": "some"}] * 6)
    _paper(adviser, wave, [{"happiness": "8"}] * 3)
    page = client_for(adviser).get(reverse("surveys:area", args=[home.pk])).content.decode()
    low, high = proportion_confint(6, 12, method="wilson")
    assert "Say many of the people in the neighbourhood can be trusted" in page
    assert f"50%</td><td>{low * 100:.0f}% to {high * 100:.0f}%" in page
    assert "Not shown: 3 answers, fewer than 10" in page
    assert "association, not proof" in page
    assert "<meter" in page


def test_the_programme_page_is_for_staff(wave, adviser, client_for):
    _paper(adviser, wave, [{"volunteering": "yes"}] * 10)
    page = client_for(adviser).get(reverse("surveys:programme")).content.decode()
    assert "Volunteered formally in the last 12 months" in page and "100%" in page


def test_the_open_data_holds_totals_never_answers(wave, home, adviser, client_for):
    _paper(
        adviser,
        wave,
        [{"influence": "tend_to_agree"}] * 4 + [{"influence": "definitely_disagree"}] * 6,
    )
    _paper(adviser, wave, [{"trust": "many"}] * 3)
    got = client_for(adviser).get(reverse("surveys:open_data") + f"?area={home.pk}")
    rows = list(csv.DictReader(io.StringIO(got.content.decode())))
    influence = next(r for r in rows if r["outcome"] == "influence")
    assert (influence["site"], influence["wave"], influence["responses"]) == (
        "Home ward",
        "baseline",
        "10",
    )
    assert float(influence["estimate"]) == pytest.approx(0.4)
    trust = next(r for r in rows if r["outcome"] == "trust")
    assert (trust["suppressed"], trust["estimate"]) == ("true", "")
    assert not any("response_id" in key or "tend_to_agree" in str(r) for r in rows for key in r)


def test_weights_are_used_and_the_effective_size_stated(wave, home, adviser, client_for):
    _paper(adviser, wave, [{"volunteering": "yes"}] * 5 + [{"volunteering": "no"}] * 15)
    for response in Response.objects.all():
        response.weight = 3.0 if response.answers["volunteering"] == "yes" else 1.0
        response.save()
    page = client_for(adviser).get(reverse("surveys:area", args=[home.pk])).content.decode()
    assert "effective sample size 15.0 of 20 answers" in page


def test_staff_freeze_comparators_with_their_version(home, national, client_for):
    selection = SimpleNamespace(
        version="abc123",
        as_json=lambda: {
            "matches": {home.ward17_codes[0]: ["E05000001", "E05000002"]},
            "warnings": [],
        },
    )
    frozen = services.freeze_comparators(
        national, home, pool="left-behind", k=2, find=lambda codes, **_: selection
    )
    assert (frozen.version, frozen.comparator_codes) == ("abc123", ["E05000001", "E05000002"])
    sites = Site.objects.filter(area=home, kind=Site.Kind.COMPARATOR)
    assert sorted(sites.values_list("ward_code", flat=True)) == ["E05000001", "E05000002"]
    page = client_for(national).get(reverse("surveys:area", args=[home.pk])).content.decode()
    assert "version abc123" in page and "E05000001, E05000002" in page


def test_a_comparison_ward_needs_its_code(home, national):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.add_site(national, home, name="Next ward", ward_code="")


def test_a_members_answers_are_in_their_export_and_erased_with_them(wave, member, national):
    services.submit_response(
        member.account, wave, {"trust": "some"}, consented=True, resident=member
    )
    exported = export_resident(national, member)["elsewhere"]["survey responses"]
    assert exported[0]["answers"] == {"trust": "some"}
    assert exported[0]["consent_wording"]
    erase_resident(national, member, mode="anonymise")
    assert not Response.objects.exists()


def test_staff_import_weights_from_a_csv(wave, home, adviser, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _paper(adviser, wave, [{"volunteering": "yes"}] * 5 + [{"volunteering": "no"}] * 15)
    lines = ["response_id,weight"] + [
        f"{r.response_id},{3 if r.answers['volunteering'] == 'yes' else 1}"
        for r in Response.objects.all()
    ]
    client = client_for(adviser)
    url = reverse("surveys:weights", args=[wave.pk])
    bad = SimpleUploadedFile("weights.csv", b"response_id,weight\nnot-a-response,2\n")
    page = client.post(url, {"file": bad}).content.decode()
    assert "weights.csv, row 1, field &quot;response_id&quot;" in page
    assert "is not a response in this wave" in page
    good = SimpleUploadedFile("weights.csv", "\n".join(lines).encode())
    assert (
        "Weights set for 20 responses"
        in client.post(url, {"file": good}, follow=True).content.decode()
    )
    page = client.get(reverse("surveys:area", args=[home.pk])).content.decode()
    assert "effective sample size 15.0 of 20 answers" in page


def test_freezing_without_the_data_says_how_to_get_it(home, national, client_for, monkeypatch):
    from n4c import evaluate
    from n4c.errors import DataMissingError

    def missing(*args, **kwargs):
        raise DataMissingError("The dataset imd2019_lsoa11_scores is not on this machine.")

    monkeypatch.setattr(evaluate, "find_comparators", missing, raising=False)
    url = reverse("surveys:freeze", args=[home.pk])
    page = client_for(national).post(url, {"pool": "left-behind", "k": "3"}, follow=True)
    assert "is not on this machine" in page.content.decode()
    assert not home.frozen_comparators.exists()


def test_a_comparison_ward_is_surveyed_on_paper_and_shown_beside_the_area(
    wave, home, adviser, client_for
):
    site = services.add_site(adviser, home, name="Next ward", ward_code="E05000002")
    comparison = services.add_wave(
        adviser, site, kind="baseline", opens_on=wave.opens_on, closes_on=wave.closes_on
    )
    _paper(adviser, wave, [{"belonging": "very_strongly"}] * 10)
    _paper(adviser, comparison, [{"belonging": "not_at_all_strongly"}] * 10)
    page = client_for(adviser).get(reverse("surveys:area", args=[home.pk])).content.decode()
    assert "Home ward</th>" in page and "Next ward (comparison)</th>" in page
    assert "<td>100%</td>" in page and "<td>0%</td>" in page


def test_freezing_real_comparators_for_a_left_behind_ward(home, national, client_for):
    # Bloomfield (Blackpool), on the 2019 'left behind' list; the real data, matched for real.
    home.ward17_codes = ["E05001645"]
    home.save()
    url = reverse("surveys:freeze", args=[home.pk])
    client_for(national).post(url, {"pool": "left-behind", "k": "3"}, follow=True)
    frozen = home.frozen_comparators.get()
    assert frozen.k == 3 and len(frozen.version) >= 12
    codes = frozen.comparator_codes
    assert len(codes) == 3 and "E05001645" not in codes
    assert all(code.startswith("E05") for code in codes)
    # The frozen selection is what the CLI would choose, and it says so by its version.
    from n4c.evaluate import find_comparators

    again = find_comparators(["E05001645"], pool="left-behind", k=3)
    assert (frozen.version, codes) == (again.version, again.as_json()["matches"]["E05001645"])
    sites = Site.objects.filter(area=home, kind=Site.Kind.COMPARATOR)
    assert sorted(sites.values_list("ward_code", flat=True)) == sorted(codes)


def test_support_days_delivered_before_each_wave_sit_beside_the_results(
    home, adviser, national, client_for
):
    import datetime as dt
    from decimal import Decimal

    from n4c.platform.support_log.models import SupportEntry
    from n4c.platform.surveys.models import Wave

    site = services.supported_site(home)
    other = services.add_site(national, home, name="Next ward", ward_code="E05000002")
    waves = {
        kind: Wave.objects.create(
            site=where,
            kind=kind,
            opens_on=opens,
            closes_on=opens + dt.timedelta(days=30),
            questionnaire_version="1",
        )
        for kind, where, opens in (
            ("baseline", site, dt.date(2026, 1, 10)),
            ("year_2", site, dt.date(2026, 6, 1)),
        )
    }
    Wave.objects.create(
        site=other,
        kind="year_2",
        opens_on=dt.date(2026, 6, 1),
        closes_on=dt.date(2026, 7, 1),
        questionnaire_version="1",
    )
    # Before the baseline's month; in its month (not counted); between the waves; after both.
    for date, days in (("2025-11-05", "2"), ("2026-01-03", "1"), ("2026-03-02", "1.5")):
        SupportEntry.objects.create(
            area=home,
            person=adviser,
            role="adviser",
            date=dt.date.fromisoformat(date),
            kind="visit",
            days=Decimal(days),
        )
    SupportEntry.objects.create(
        area=home, person=adviser, role="adviser", date=dt.date(2026, 6, 10), kind="visit",
        days=Decimal(3),
    )  # fmt: skip
    days = support_days_before_waves([site, other])
    assert days[(site.pk, "baseline")] == Decimal(2)
    assert days[(site.pk, "year_2")] == Decimal("4.5")
    assert days[(other.pk, "year_2")] == Decimal(0)

    _paper(adviser, waves["year_2"], [{"trust": "many"}] * 10)
    client = client_for(adviser)
    page = client.get(reverse("surveys:area", args=[home.pk])).content.decode()
    assert "Support days before the wave" in page and "<td>4.5</td>" in page
    got = client.get(reverse("surveys:open_data") + f"?area={home.pk}")
    rows = list(csv.DictReader(io.StringIO(got.content.decode())))
    trust = next(r for r in rows if r["outcome"] == "trust")
    assert (trust["wave"], trust["support_days_before_wave"]) == ("year_2", "4.5")


def test_the_comparison_wards_warnings_follow_the_readers_language(home, national, client_for):
    kept = {
        "matches": {home.ward17_codes[0]: ["E05000001"]},
        "balance": {"a": {"smd_after": 0.5}, "b": {"smd_after": 0.0}},
        "cross_region_matches": 2,
        "warnings": ["stored English, not shown"],
    }
    selection = SimpleNamespace(version="abc123", as_json=lambda: kept)
    services.freeze_comparators(
        national, home, pool="left-behind", k=1, find=lambda codes, **_: selection
    )
    url = reverse("surveys:area", args=[home.pk])
    english = client_for(national).get(url).content.decode()
    assert "2 comparators come from another region" in english
    polish = client_for(national).get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Porównywane okręgi spoza regionu: 2" in polish
    assert "stored English" not in polish


def test_outcome_names_and_sources_follow_the_readers_language(wave, home, adviser, client_for):
    """They are worded in the questionnaire's [pl] and [ur] tables, beside the questions."""
    _paper(adviser, wave, [{"trust": "many"}] * 6 + [{"trust": "some"}] * 6)
    client = client_for(adviser)
    client.cookies["n4c_language"] = "pl"
    page = client.get(reverse("surveys:area", args=[home.pk])).content.decode()
    assert "Mówią, że wielu ludziom w okolicy można ufać" in page
    assert "pytanie o zaufanie do ludzi w okolicy" in page
    assert "Say many of the people in the neighbourhood can be trusted" not in page
