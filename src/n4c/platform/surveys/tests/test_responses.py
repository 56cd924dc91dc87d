"""Online answers by a member of the area, once a wave; paper entry by staff; consent kept with
the words shown; nothing about the person beyond what the questionnaire asks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from n4c.evaluate.surveys import load_questionnaire
from n4c.platform.surveys import services
from n4c.platform.surveys.models import Response

pytestmark = pytest.mark.django_db

ANSWERS = {"belonging": "fairly_strongly", "life_satisfaction": "7", "sex": "prefer_not_to_say"}


def test_a_member_answers_online_once_with_their_consent(wave, member, client_for):
    client = client_for(member.account)
    url = reverse("surveys:respond", args=[wave.pk])
    page = client.get(url).content.decode()
    assert "How strongly do you feel you belong to your immediate neighbourhood?" in page
    assert escape(load_questionnaire().consent_wording) in page
    got = client.post(url, {**ANSWERS, "consent": "on"}, follow=True)
    assert "your answers have been recorded" in got.content.decode()
    response = Response.objects.get()
    assert response.answers == {
        "belonging": "fairly_strongly",
        "life_satisfaction": 7,
        "sex": "prefer_not_to_say",
    }
    assert (response.method, response.resident) == (Response.Method.ONLINE, member)
    assert response.consent_wording == load_questionnaire().consent_wording
    assert "You have answered this survey" in client.get(url).content.decode()
    client.post(url, {**ANSWERS, "consent": "on"})
    assert Response.objects.count() == 1
    with pytest.raises(ValidationError, match="already answered"):
        services.submit_response(member.account, wave, ANSWERS, consented=True, resident=member)


@pytest.mark.parametrize(
    ("language", "direction", "question", "answer", "button"),
    [
        (
            "pl",
            "ltr",
            "Jak silnie czujesz, że należysz do swojej najbliższej okolicy?",
            "Dość silnie",
            "Wyślij moje odpowiedzi",
        ),
        (
            "ur",
            "rtl",
            "آپ کس حد تک محسوس کرتے ہیں کہ آپ اپنے قریبی محلے کا حصہ ہیں؟",
            "کافی حد تک",
            "میرے جوابات بھیجیں",
        ),
    ],
)
def test_a_member_reads_and_answers_the_survey_in_their_language(
    wave, member, client_for, language, direction, question, answer, button
):
    client = client_for(member.account)
    client.post("/language/", {"language": language, "next": "/"})
    url = reverse("surveys:respond", args=[wave.pk])
    page = client.get(url).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert f'<legend class="label">{question}</legend>' in page
    assert answer in page and button in page
    assert "How strongly do you feel" not in page
    client.post(url, {**ANSWERS, "consent": "on"})
    response = Response.objects.get()
    # The same codes whatever the language; the consent words kept are those the member read.
    assert response.answers["belonging"] == "fairly_strongly"
    wording = load_questionnaire().in_language(language).consent_wording
    assert response.consent_wording == wording != load_questionnaire().consent_wording
    assert escape(wording) in page


def test_no_consent_no_response(wave, member, client_for):
    page = client_for(member.account).post(reverse("surveys:respond", args=[wave.pk]), ANSWERS)
    assert "Tick the box to agree" in page.content.decode()
    assert not Response.objects.exists()


def test_answers_the_questionnaire_does_not_allow_are_refused(wave, member):
    with pytest.raises(ValidationError, match="0 to 10"):
        services.submit_response(
            member.account, wave, {"happiness": "11"}, consented=True, resident=member
        )


def test_a_closed_wave_takes_no_online_answers(wave, member):
    wave.closes_on = wave.opens_on = dt.date(2020, 1, 1)
    wave.save()
    with pytest.raises(ValidationError, match="not open"):
        services.submit_response(member.account, wave, ANSWERS, consented=True, resident=member)


def test_a_member_answers_only_in_their_own_area(far, make_wave, member, client_for):
    other = make_wave(far)
    client = client_for(member.account)
    assert client.get(reverse("surveys:respond", args=[other.pk])).status_code == 404
    assert client.post(reverse("surveys:respond", args=[other.pk]), ANSWERS).status_code == 404
    assert client.get(reverse("surveys:waves", args=[far.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.submit_response(member.account, other, ANSWERS, consented=True, resident=member)
    assert not Response.objects.exists()


def test_a_member_reads_no_results_and_enters_no_paper(wave, home, member, client_for):
    client = client_for(member.account)
    for url in (
        reverse("surveys:programme"),
        reverse("surveys:area", args=[home.pk]),
        reverse("surveys:paper", args=[wave.pk]),
        reverse("surveys:open_data"),
    ):
        assert client.get(url).status_code in (403, 404), url


def test_staff_enter_paper_responses_without_a_person(wave, adviser, client_for):
    client = client_for(adviser)
    url = reverse("surveys:paper", args=[wave.pk])
    assert "ticked the box on the paper form" in client.get(url).content.decode()
    for _ in range(2):
        got = client.post(url, {**ANSWERS, "consent": "on"}, follow=True)
        assert "Paper response entered" in got.content.decode()
    responses = list(Response.objects.all())
    assert [(r.method, r.resident, r.entered_by) for r in responses] == [
        (Response.Method.PAPER, None, adviser)
    ] * 2
    assert responses[0].response_id != responses[1].response_id


def test_staff_who_do_not_work_with_the_area_enter_no_paper(far, make_wave, adviser, client_for):
    other = make_wave(far)
    assert client_for(adviser).get(reverse("surveys:paper", args=[other.pk])).status_code == 403


def test_staff_set_up_a_wave_on_the_area_page(home, adviser, client_for):
    client = client_for(adviser)
    url = reverse("surveys:waves", args=[home.pk])
    site = services.supported_site(home)
    got = client.post(
        url,
        {"site": site.pk, "kind": "year_2", "opens_on": "2028-05-01", "closes_on": "2028-04-01"},
    )
    assert "on or after the opening date" in got.content.decode()
    client.post(
        url,
        {"site": site.pk, "kind": "year_2", "opens_on": "2028-05-01", "closes_on": "2028-06-30"},
    )
    assert [str(w) for w in site.waves.all()] == ["Home ward: Year 2"]
