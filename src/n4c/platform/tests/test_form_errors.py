"""Every form page shows the GOV.UK error summary, in plain English, linked to its fields.

Each case below is a form page, the person who may use it, and what they send: the page shows
"There is a problem" with a link to each field in error, every link lands on an input on the
page, and none of Django's own messages ("This field is required.") shows through.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from n4c.platform.core.forms import PlainForm, PlainModelForm, plain_error_messages
from n4c.platform.events.models import Event
from n4c.platform.people.models import Role
from n4c.platform.plain.wording import days_text
from n4c.platform.residents.models import Resident

#: Words of Django's default messages, which no page may show.
DJANGO_DEFAULTS = [
    "This field is required.",
    "Enter a valid",
    "Ensure this value",
    "Ensure that there are no more than",
    "Select a valid choice",
    "Enter a number.",
    "Enter a whole number.",
    "is not a valid choice",
    "already exists.",
]

#: (form page, who uses it, where the form is sent, what is sent). Addresses take the area.
FORM_PAGES = [
    ("login", None, "login", {"username": "", "password": ""}),
    ("areas:create", "national", "areas:create", {}),
    ("areas:edit", "national", "areas:edit", {"name": "", "stage": "no-such-stage"}),
    ("support_log:create", "adviser", "support_log:create", {"days": "1.25", "date": "31/02"}),
    ("caseloads:assign", "national", "caseloads:assign", {}),
    ("people:add", "national", "people:add", {"username": "a b"}),
    ("events:list", "national", "events:list", {}),
    ("referrals:partners", "national", "referrals:partners", {}),
    ("referrals:area", "adviser", "referrals:area", {}),
    ("plans:detail", "adviser", "plans:add_priority", {}),
    ("plans:detail", "adviser", "plans:add_action", {"due_on": "soon"}),
    ("plans:detail", "adviser", "plans:add_milestone", {}),
    ("resources:create", "national", "resources:create", {}),
    ("residents:area", "adviser", "residents:area", {}),
    ("assets:register", "adviser", "assets:register", {}),
    ("assets:register", "adviser", "neighbourhood_planning:plan_create", {"opened_on": "soon"}),
    ("budgets:area", "adviser", "budgets:area", {}),
    ("grants:area", "adviser", "grants:area", {}),
    ("measures:list", "adviser", "measures:propose", {}),
    ("covenants:detail", "adviser", "covenants:sign", {}),
    ("partnership:propose", "member", "partnership:propose", {}),
    ("partnership:open_decision", "chair", "partnership:open_decision", {"options": "Only one"}),
    ("partnership:roles", "national", "partnership:attach_staff", {}),
]


def _resident(area, make_person, role: str):
    account = make_person(Role.PARTNERSHIP_MEMBER)
    area.partnership_members.add(account)
    Resident.objects.create(
        area=area,
        full_name=account.get_full_name(),
        partnership_role=role,
        joined_on=dt.date(2026, 1, 10),
        account=account,
    )
    return account


@pytest.fixture
def member(home, make_person):
    """A member of `home`'s partnership, signed in."""
    return _resident(home, make_person, Resident.PartnershipRole.MEMBER)


@pytest.fixture
def chair(home, make_person):
    """The chair of `home`'s partnership, signed in."""
    return _resident(home, make_person, Resident.PartnershipRole.CHAIR)


_AREA_ARG = {
    "areas:edit": "pk",
    "support_log:create": "area_pk",
    "caseloads:assign": "area_pk",
}


def _address(name: str, area) -> str:
    if name in _AREA_ARG:
        return reverse(name, kwargs={_AREA_ARG[name]: area.pk})
    try:
        return reverse(name)
    except Exception:
        return reverse(name, args=[area.pk])


def summary_of(html: str) -> str:
    """The error summary's markup, failing the test when the page has none."""
    found = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert found, "the page has no error summary"
    return found.group(0)


def assert_summary_links_to_fields(html: str) -> list[str]:
    """Each error in the summary links to an input on the page; the links' targets."""
    summary = summary_of(html)
    assert 'role="alert"' in summary and "autofocus" in summary and 'tabindex="-1"' in summary
    assert "There is a problem" in summary
    targets = re.findall(r'href="#([^"]+)"', summary)
    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html))
    assert targets and set(targets) <= ids, (targets, ids)
    for target in targets:
        assert html.count(f'id="{target}"') == 1, f"{target} is not a unique id"
    return targets


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "who", "sent_to", "data"), FORM_PAGES)
def test_a_form_sent_with_mistakes_shows_the_summary(
    page, who, sent_to, data, request, home, client_for
) -> None:
    client = client_for(request.getfixturevalue(who)) if who else Client()
    assert client.get(_address(page, home)).status_code == 200
    # A browser always sends the CSRF token, so the form is bound even when left empty.
    response = client.post(_address(sent_to, home), {"csrfmiddlewaretoken": "-", **data})
    html = response.content.decode()
    assert response.status_code in (200, 400), response.status_code
    assert_summary_links_to_fields(html)
    assert 'class="error-message"' in html and "Error:</span>" in html
    assert [text for text in DJANGO_DEFAULTS if text in html] == []


@pytest.mark.django_db
def test_a_refused_role_links_the_summary_to_the_members_own_select(
    chair, member, home, client_for
) -> None:
    """The roles page has a form a row; the summary links to the select of the row sent."""
    resident = Resident.objects.get(account=member)
    answer = client_for(chair).post(
        reverse("partnership:roles", args=[home.pk]), {"resident": resident.pk, "role": "chair"}
    )
    assert answer.status_code == 400
    assert assert_summary_links_to_fields(answer.content.decode()) == [f"role-{resident.pk}"]


@pytest.mark.django_db
def test_a_number_with_too_many_decimal_places_is_explained(adviser, home, client_for) -> None:
    response = client_for(adviser).post(
        reverse("support_log:create", args=[home.pk]),
        {"date": "2026-03-02", "kind": "visit", "days": "1.25"},
    )
    assert (
        "must be a number with no more than 1 decimal place, like 1.5" in response.content.decode()
    )


def test_messages_name_the_field_and_keep_djangos_figures() -> None:
    from django import forms

    class Sample(PlainForm):
        days = forms.DecimalField(label="Days", max_digits=3, decimal_places=1, min_value=0)
        title = forms.CharField(label="Title", max_length=5)
        region = forms.ChoiceField(label="Region", choices=[("a", "A")])
        when = forms.DateField(label="Date")

    form = Sample({"days": "-1", "title": "too long", "region": "b", "when": "31 2"})
    assert form.errors == {
        "days": ["Days must be 0 or more"],
        "title": ["Title must be 5 characters or fewer"],
        "region": ["Select region from the list"],
        "when": ["Date must be a real date, like 27 3 2026"],
    }
    assert Sample({})["days"].errors == ["Enter days"]
    assert Sample({"days": "123.5"}).errors["days"] == ["Days must be 3 digits or fewer"]
    # A field's own message still wins over the plain default.
    own = forms.CharField(label="Name", error_messages={"required": "Enter the area's name."})
    assert plain_error_messages(own)["required"] == "Enter name"


def test_every_platform_form_uses_the_plain_messages() -> None:
    """A new form must start from PlainForm or PlainModelForm (core.forms)."""
    import importlib

    from django import forms
    from django.conf import settings

    plain = []
    for app in settings.PLATFORM_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
                and not value.__name__.startswith("_")
                and "Admin" not in value.__name__
            ):
                plain.append(
                    (
                        value.__name__,
                        issubclass(value, PlainForm | PlainModelForm)
                        or "PlainErrorMessages" in [c.__name__ for c in value.__mro__],
                    )
                )
    assert plain and [name for name, ok in plain if not ok] == []


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (1, "1 day"),
        (Decimal("1.0"), "1 day"),
        (Decimal("1.5"), "1.5 days"),
        (2, "2 days"),
        (Decimal("0.5"), "0.5 days"),
        (0, "0 days"),
    ],
)
def test_days_agree_with_their_number(days, text) -> None:
    assert days_text(days) == text


@pytest.mark.django_db
def test_logging_one_day_says_one_day(adviser, home, client_for) -> None:
    response = client_for(adviser).post(
        reverse("support_log:create", args=[home.pk]),
        {"date": "2026-03-02", "kind": "visit", "days": "1"},
        follow=True,
    )
    html = response.content.decode()
    assert "Logged 1 day of support" in html and "1 days" not in html


@pytest.mark.django_db
def test_the_milestone_title_has_its_own_label(adviser, home, client_for) -> None:
    html = client_for(adviser).get(reverse("plans:detail", args=[home.pk])).content.decode()
    ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'for="id_milestone_title"' in html and 'id="id_milestone_title"' in html


@pytest.mark.django_db
def test_a_hub_lead_choosing_another_region_keeps_what_they_typed(
    region, other_region, make_person, client_for
) -> None:
    lead = make_person(Role.HUB_LEAD, region)
    response = client_for(lead).post(
        reverse("events:list"),
        {
            "title": "Spring gathering",
            "scope": Event.Scope.REGIONAL,
            "region": other_region.pk,
            "starts_on": "2026-04-01",
            "place": "Town hall",
        },
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "You can only add events in your own region (North West)." in html
    assert 'value="Spring gathering"' in html and 'value="Town hall"' in html
    assert assert_summary_links_to_fields(html) == ["id_region"]
    assert not Event.objects.exists()
