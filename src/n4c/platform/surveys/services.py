"""Changes to surveys; the pages and the tests call these, and each is audited.

The rules live here once: a wave closes on or after it opens; a response needs the person's
consent to the words shown and answers the questionnaire allows; online, only a member of the
surveyed area's partnership answers, while the wave is open, once; on paper, staff who work with
the area enter it. Freezing comparators keeps ``n4c.evaluate``'s choice and its version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from n4c.errors import InputError
from n4c.evaluate.surveys import Questionnaire, load_questionnaire, read_weights
from n4c.platform.areas.access import can_edit_area
from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.core.acting import acting_user, is_platform
from n4c.platform.core.conflicts import unique_or
from n4c.platform.residents.models import Resident
from n4c.platform.surveys.models import FrozenComparators, Response, Site, Wave

__all__ = [
    "ALREADY_ANSWERED",
    "CONSENT_NEEDED",
    "add_site",
    "add_wave",
    "freeze_comparators",
    "import_weights",
    "submit_response",
    "supported_site",
]

ALREADY_ANSWERED = gettext_lazy(
    "You have already answered this survey. Each member answers once a wave."
)
CONSENT_NEEDED = gettext_lazy(
    "Tick the box to agree to how we keep your answers, or do not send the survey."
)


def _require_runner(actor, area: Area) -> None:
    if not is_platform(actor) and not can_edit_area(actor, area):
        raise PermissionDenied(_("You can see this area's surveys but not run them."))


def supported_site(area: Area) -> Site:
    """The area's own survey site, made the first time it is needed."""
    site, _created = Site.objects.get_or_create(
        area=area, kind=Site.Kind.SUPPORTED, defaults={"name": area.name}
    )
    return site


@transaction.atomic
def add_site(actor, area: Area, *, name: str, ward_code: str) -> Site:
    """A comparison ward for ``area``, known by its code."""
    _require_runner(actor, area)
    site = Site(area=area, kind=Site.Kind.COMPARATOR, name=name.strip(), ward_code=ward_code)
    site.full_clean()
    site.save()
    record_change(actor, site, AuditEvent.Action.CREATED)
    return site


@transaction.atomic
def add_wave(actor, site: Site, **fields) -> Wave:
    _require_runner(actor, site.area)
    fields.setdefault("questionnaire_version", load_questionnaire().version)
    wave = Wave(site=site, **fields)
    if wave.opens_on and wave.closes_on and wave.closes_on < wave.opens_on:
        raise ValidationError(
            {"closes_on": _("The closing date must be on or after the opening date.")}
        )
    wave.full_clean()
    wave.save()
    record_change(actor, wave, AuditEvent.Action.CREATED)
    return wave


def clean_answers(answers: Mapping[str, Any], questionnaire: Questionnaire) -> dict[str, Any]:
    """The answers as stored (codes and scores), blank ones left out; refuses any the
    questionnaire does not allow, naming the question."""
    cleaned: dict[str, Any] = {}
    for question in questionnaire.questions:
        value = answers.get(question.id)
        if value in (None, ""):
            continue
        try:
            cleaned[question.id] = question.check(str(value))
        except ValueError:
            if question.kind == "scale":
                refused = _("The answer must be a whole number from 0 to 10.")
            else:
                refused = _("The answer must be one of %(codes)s.") % {
                    "codes": ", ".join(question.codes)
                }
            raise ValidationError({question.id: refused}) from None
    return cleaned


@transaction.atomic
def submit_response(
    actor,
    wave: Wave,
    answers: Mapping[str, Any],
    *,
    consented: bool,
    method: str = Response.Method.ONLINE,
    resident: Resident | None = None,
    weight: float | None = None,
) -> Response:
    """Record one response with the consent words shown; see the module's rules."""
    # The consent words kept are the ones the person read, in the language they read them in.
    questionnaire = load_questionnaire().in_language(get_language())
    if method == Response.Method.ONLINE:
        if resident is None or resident.area_id != wave.site.area_id or resident.account != actor:
            raise PermissionDenied(_("Only members of this area's partnership answer online."))
        if not wave.is_open_on(timezone.localdate()):
            raise ValidationError(gettext_lazy("This survey is not open now."))
    else:
        _require_runner(actor, wave.site.area)
        resident = None
    if not consented:
        raise ValidationError({"consent": CONSENT_NEEDED})
    cleaned = clean_answers(answers, questionnaire)
    if not cleaned:
        raise ValidationError(gettext_lazy("Answer at least one question."))
    response = Response(
        wave=wave,
        resident=resident,
        answers=cleaned,
        method=method,
        weight=weight,
        questionnaire_version=questionnaire.version,
        consent_wording=questionnaire.consent_wording,
        consented_at=timezone.now(),
        entered_by=acting_user(actor),
    )
    with unique_or(Response, ["wave", "resident"], ValidationError(ALREADY_ANSWERED)):
        response.save()
    record_change(actor, response, AuditEvent.Action.CREATED)
    return response


Finder = Callable[..., Any]


@transaction.atomic
def freeze_comparators(
    actor, area: Area, *, pool: str = "left-behind", k: int = 3, find: Finder | None = None
) -> FrozenComparators:
    """Choose comparison wards for the area's wards with ``n4c.evaluate.find_comparators`` and
    keep the result and its version; each comparator becomes a comparison site."""
    _require_runner(actor, area)
    wards = area.wards17()
    if not wards:
        raise ValidationError(_("Add the area's ward codes before choosing comparison wards."))
    if find is None:
        from n4c.evaluate import find_comparators

        find = find_comparators
    selection = find(wards, pool=pool, k=k)
    frozen = FrozenComparators.objects.create(
        area=area,
        version=selection.version,
        pool=pool,
        k=k,
        selection=selection.as_json(),
        frozen_by=acting_user(actor),
    )
    record_change(actor, frozen, AuditEvent.Action.CREATED)
    known = set(area.survey_sites.values_list("ward_code", flat=True))
    for code in frozen.comparator_codes:
        if code not in known:
            known.add(code)
            site = Site.objects.create(
                area=area, kind=Site.Kind.COMPARATOR, name=code, ward_code=code
            )
            record_change(actor, site, AuditEvent.Action.CREATED)
    return frozen


@transaction.atomic
def import_weights(actor, wave: Wave, text: str, *, name: str) -> int:
    """Set each response's survey weight from CSV text (``response_id,weight``); every response
    named must be in ``wave``. Returns how many weights were set."""
    _require_runner(actor, wave.site.area)
    weights = read_weights(text, name=name)
    responses = {str(r.response_id): r for r in wave.responses.all()}
    for number, response_id in enumerate(weights, start=1):
        if response_id not in responses:
            raise InputError(
                _('"%(response_id)s" is not a response in this wave.')
                % {"response_id": response_id},
                name,
                number,
                "response_id",
                response_id,
                hint=_("Check the file is for this wave."),
            )
    for response_id, weight in weights.items():
        response = responses[response_id]
        response.weight = weight
        response.save(update_fields=["weight"])
        record_change(actor, response, AuditEvent.Action.CHANGED)
    return len(weights)
