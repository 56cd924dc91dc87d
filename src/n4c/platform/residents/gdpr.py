"""The rights of a person whose data we hold: export everything (access and portability) and
erasure (anonymise or delete). Every change is audited; erasure also scrubs earlier audit
entries, because those snapshots hold the same personal data.

Contact details (e-mail, phone) are kept only while the person's latest answer about being
contacted is a yes that they have not withdrawn (:func:`has_contact_consent`): adding them
needs that consent, and a later no or a withdrawal removes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import forget_in_log, record_change, snapshot
from n4c.platform.people.models import Role
from n4c.platform.people.services import create_account
from n4c.platform.residents.models import Consent, Resident

__all__ = [
    "CONTACT_WORDING",
    "EXPORT_FORMAT",
    "add_resident",
    "erase_resident",
    "export_resident",
    "give_sign_in",
    "has_contact_consent",
    "record_consent",
    "register_personal_data",
    "remove_sign_in",
    "withdraw_consent",
]

#: Names the layout of an export, so a reader can tell versions apart.
EXPORT_FORMAT = "n4c-resident-export/3"  # 2 added "sign_in", 3 "elsewhere"
_MODELS = ("residents.resident", "residents.consent")

# Other apps that hold a resident's personal data add it to the export and erase it with the
# resident (the apps above know this one, not the other way round).
_ELSEWHERE: dict[str, tuple[Callable[[Resident], Any], Callable[[Any, Resident], None]]] = {}


def register_personal_data(
    name: str, export: Callable[[Resident], Any], erase: Callable[[Any, Resident], None]
) -> None:
    """Add ``export(resident)`` to every export under ``name``, and run ``erase(actor,
    resident)`` before every erasure."""
    _ELSEWHERE[name] = (export, erase)


#: The words a person agrees to when the form records their consent to be contacted (in
#: English; the form shows them, and the consent records them, in the reader's language).
CONTACT_WORDING = gettext_noop(
    "The Network for Communities will keep your email address and phone number to contact you "
    "about the partnership's work. You can ask us to stop at any time, and we will delete them."
)
#: Each contact field, and why it is refused without consent.
_CONTACT_FIELDS = {
    "email": _(
        "Record that they agreed to be contacted before keeping their email address, "
        "or leave it empty."
    ),
    "phone": _(
        "Record that they agreed to be contacted before keeping their phone number, "
        "or leave it empty."
    ),
}


def has_contact_consent(resident: Resident) -> bool:
    """Whether the resident's latest answer about being contacted is a yes still in force."""
    latest = resident.consents.filter(purpose=Consent.Purpose.CONTACT).first()
    return latest is not None and latest.in_force


def _check_contact_consent(resident: Resident, *, consented: bool) -> None:
    """Refuse contact details that the person has not agreed we keep, naming each field."""
    if consented:
        return
    problems = {
        field: refusal for field, refusal in _CONTACT_FIELDS.items() if getattr(resident, field)
    }
    if problems:
        raise ValidationError(
            {
                field: ValidationError(msg, code="no_contact_consent")
                for field, msg in problems.items()
            }
        )


@transaction.atomic
def add_resident(actor, *, contact_consent_method: str = "", **fields) -> Resident:
    """Add a partnership member; with ``contact_consent_method`` (how they agreed to
    :data:`CONTACT_WORDING`) their contact consent is recorded with them, and without it no
    e-mail or phone is kept."""
    resident = Resident(**fields)
    resident.full_clean()
    _check_contact_consent(resident, consented=bool(contact_consent_method))
    resident.save()
    record_change(actor, resident, AuditEvent.Action.CREATED)
    if contact_consent_method:
        record_consent(
            actor,
            resident,
            purpose=Consent.Purpose.CONTACT,
            given=True,
            wording=gettext(CONTACT_WORDING),
            method=contact_consent_method,
        )
    return resident


def _drop_contact_details_without_consent(actor, resident: Resident) -> None:
    """Remove the e-mail and phone once contact consent has ended: from the record, its
    sign-in and the earlier audit snapshots of the record (which hold the same details)."""
    if has_contact_consent(resident) or not (resident.email or resident.phone):
        return
    resident.email = ""
    resident.phone = ""
    resident.save(update_fields=["email", "phone"])
    for event in _audit_trail(resident, []):
        for state in (event.before, event.after):
            if state:
                state.update({field: "" for field in _CONTACT_FIELDS if field in state})
        event.save(update_fields=["before", "after"])
    record_change(actor, resident, AuditEvent.Action.CHANGED, before=None)
    if resident.account_id is not None and resident.account.email:
        resident.account.email = ""
        resident.account.save(update_fields=["email"])


def record_consent(
    actor,
    resident: Resident,
    *,
    purpose: str,
    given: bool,
    wording: str,
    method: str,
    recorded_at: dt.datetime | None = None,
) -> Consent:
    consent = Consent(
        resident=resident,
        purpose=purpose,
        given=given,
        wording=wording.strip(),
        method=method,
        recorded_at=recorded_at or timezone.now(),
        recorded_by=actor,
    )
    consent.full_clean()
    with transaction.atomic():
        consent.save()
        record_change(actor, consent, AuditEvent.Action.CREATED)
        _drop_contact_details_without_consent(actor, resident)
    return consent


@transaction.atomic
def withdraw_consent(actor, consent: Consent) -> Consent:
    if consent.withdrawn_at is None:
        before = snapshot(consent)
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        record_change(actor, consent, AuditEvent.Action.CHANGED, before=before)
        _drop_contact_details_without_consent(actor, consent.resident)
    return consent


@transaction.atomic
def give_sign_in(actor, resident: Resident, *, username: str, language: str = ""):
    """A sign-in for a partnership member, to read their own area's plan and support log, with
    the language of their pages and e-mails if staff know it (empty: English until they choose).

    They choose the password themselves (see ``n4c.platform.people.services``); the account
    holds only their name and, if held, the e-mail address they agreed to be contacted at.
    """
    if resident.erased_at is not None:
        raise ValidationError(
            gettext("Their personal data is erased, so they cannot be given a sign-in.")
        )
    if resident.account_id is not None:
        raise ValidationError(
            gettext(
                "They already sign in as “%(username)s”; make them a new link to set a password "
                "instead."
            )
            % {"username": resident.account.get_username()}
        )
    user = create_account(
        username=username,
        first_name=resident.full_name[:150],
        email=resident.email,
        role=Role.PARTNERSHIP_MEMBER,
        language=language,
    )
    resident.area.partnership_members.add(user)
    before = snapshot(resident)
    resident.account = user
    resident.save(update_fields=["account"])
    record_change(actor, resident, AuditEvent.Action.CHANGED, before=before)
    return user


def _delete_account(resident: Resident) -> None:
    if resident.account_id is not None:
        account = resident.account
        resident.account = None
        resident.save(update_fields=["account"])
        account.delete()  # its profile and area membership go with it


@transaction.atomic
def remove_sign_in(actor, resident: Resident) -> None:
    if resident.account_id is None:
        return
    before = snapshot(resident)
    _delete_account(resident)
    record_change(actor, resident, AuditEvent.Action.CHANGED, before=before)


def _audit_trail(resident: Resident, consent_ids: list[int]) -> Any:
    ids = {
        "residents.resident": [str(resident.pk)],
        "residents.consent": [str(i) for i in consent_ids],
    }
    events = AuditEvent.objects.none()
    for model, object_ids in ids.items():
        events = events | AuditEvent.objects.filter(model=model, object_id__in=object_ids)
    return events


def export_resident(actor, resident: Resident) -> dict[str, Any]:
    """Everything held on a resident, as JSON-ready data: their record, consents and audit
    trail, and what other apps hold on them ("elsewhere"). The export itself is audited: who
    took a copy of the person's data, and when."""
    consents = list(resident.consents.all())
    trail = list(_audit_trail(resident, [c.pk for c in consents]).order_by("at", "id"))
    record_change(actor, resident, AuditEvent.Action.EXPORTED)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "controller": "Network for Communities",  # untranslated: the organisation's name
        "resident": {
            "id": resident.pk,
            "full_name": resident.full_name,
            "email": resident.email,
            "phone": resident.phone,
            "partnership_role": resident.get_partnership_role_display(),
            "joined_on": resident.joined_on.isoformat(),
            "area": resident.area.name,
            "erased_at": resident.erased_at.isoformat() if resident.erased_at else None,
        },
        "sign_in": (
            {
                "username": resident.account.get_username(),
                "email": resident.account.email,
                "language": resident.account.profile.language,
                "last_login": (
                    resident.account.last_login.isoformat() if resident.account.last_login else None
                ),
            }
            if resident.account_id is not None
            else None
        ),
        "consents": [
            {
                "purpose": c.get_purpose_display(),
                "given": c.given,
                "wording": c.wording,
                "method": c.get_method_display(),
                "recorded_at": c.recorded_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in consents
        ],
        "changes": [
            {
                "at": e.at.isoformat(),
                "action": e.action,
                "record": e.model,
                "before": e.before,
                "after": e.after,
            }
            for e in trail
        ],
        "elsewhere": {name: export(resident) for name, (export, _erase) in _ELSEWHERE.items()},
    }


@transaction.atomic
def erase_resident(actor, resident: Resident, *, mode: Literal["anonymise", "delete"]) -> None:
    """Erase a resident's personal data.

    "anonymise" keeps the row (so partnership sizes still count) with the name replaced by
    "Erased member N" and contact details and consents removed; "delete" removes the row.
    Either way earlier audit snapshots of the person and their consents are cleared and one
    audit event without personal data records that the erasure happened and who did it.
    """
    if mode not in ("anonymise", "delete"):
        raise ValueError(f"mode must be anonymise or delete, not {mode!r}")
    for _export, erase_elsewhere in _ELSEWHERE.values():
        erase_elsewhere(actor, resident)
    consent_ids = list(resident.consents.values_list("pk", flat=True))
    # The name the record keeps, in the language of whoever erases it.
    label = gettext("Erased member %(number)s") % {"number": resident.pk}
    _audit_trail(resident, consent_ids).update(before=None, after=None, object_repr=label)
    if resident.account_id is not None:
        forget_in_log(resident.account, label)
    resident.consents.all().delete()
    _delete_account(resident)
    if mode == "delete":
        record_change(actor, resident, AuditEvent.Action.DELETED, before=None)
        AuditEvent.objects.filter(model="residents.resident", object_id=str(resident.pk)).update(
            object_repr=label
        )
        resident.delete()
        return
    resident.full_name = label
    resident.email = ""
    resident.phone = ""
    resident.erased_at = timezone.now()
    resident.save()
    record_change(actor, resident, AuditEvent.Action.CHANGED, before=None)
