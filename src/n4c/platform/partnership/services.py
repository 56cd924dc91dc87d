"""Changes in the partnership workspace. Pages, the API, the admin and the demo call these, so
each change is checked and audited once. Permission is the caller's (``access.area_for``); the
rules here are about the records: one vote per member, answers only to waiting proposals."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import ConflictError, unique_or
from n4c.platform.partnership.models import (
    Decision,
    DecisionOption,
    Proposal,
    StaffAttachment,
    Vote,
    outcome_in_words,
)
from n4c.platform.people.access import is_staff_role
from n4c.platform.plans.models import Priority
from n4c.platform.plans.services import add_action, plan_for
from n4c.platform.residents.models import Resident

__all__ = [
    "ALREADY_VOTED",
    "accept_proposal",
    "attach_staff",
    "cast_vote",
    "close_decision",
    "decline_proposal",
    "detach_staff",
    "open_decision",
    "propose",
    "set_member_role",
]

ALREADY_VOTED = gettext_lazy("You have already voted on this decision. Each member votes once.")
_ALREADY_ATTACHED = gettext_lazy(
    "They are already attached to this partnership. Remove them first to change their role."
)


def _changed(actor, instance, fields: list[str], before: dict) -> None:
    instance.full_clean()
    instance.save(update_fields=fields)
    record_change(actor, instance, AuditEvent.Action.CHANGED, before=before)


@transaction.atomic
def set_member_role(actor, resident: Resident, role: str) -> Resident:
    """Give a member of the partnership a role in it (chair, treasurer, member…). An area has
    one chair: making a second is refused, naming the chair."""
    if resident.erased_at is not None:
        raise ValidationError(_("Their personal data is erased, so they hold no role."))
    if role == Resident.PartnershipRole.CHAIR:
        chair = (
            Resident.objects.select_for_update()
            .filter(area_id=resident.area_id, partnership_role=role, erased_at__isnull=True)
            .exclude(pk=resident.pk)
            .first()
        )
        if chair is not None:
            raise _two_chairs(chair)
    before = snapshot(resident)
    resident.partnership_role = role
    try:
        # The database's rule refuses a second chair made at the same moment.
        with unique_or(Resident, ("area",)):
            _changed(actor, resident, ["partnership_role"], before)
    except ConflictError:
        raise _two_chairs(current_chair(resident.area_id)) from None
    return resident


def current_chair(area_id: int) -> Resident | None:
    """The area's partnership chair, if it has one."""
    return Resident.objects.filter(
        area_id=area_id, partnership_role=Resident.PartnershipRole.CHAIR, erased_at__isnull=True
    ).first()


def _two_chairs(chair: Resident | None) -> ValidationError:
    name = chair.full_name if chair is not None else _("Someone else")
    return ValidationError(
        {
            "role": _("%(name)s is the chair; choose another role or make %(name)s a member first.")
            % {"name": name}
        }
    )


@transaction.atomic
def attach_staff(actor, area: Area, person, role: str) -> StaffAttachment:
    """Attach a member of staff to the area's partnership as observer or facilitator."""
    if not is_staff_role(person):
        raise ValidationError(
            {"person": _("Choose a member of the Network's staff; residents join as members.")}
        )
    if StaffAttachment.objects.filter(area=area, person=person).exists():
        raise ValidationError({"person": _ALREADY_ATTACHED})
    attachment = StaffAttachment(area=area, person=person, role=role)
    attachment.full_clean(validate_constraints=False)
    with unique_or(
        StaffAttachment, ("area", "person"), ConflictError({"person": _ALREADY_ATTACHED})
    ):
        attachment.save()
    record_change(actor, attachment, AuditEvent.Action.CREATED)
    return attachment


def detach_staff(actor, attachment: StaffAttachment) -> None:
    record_change(actor, attachment, AuditEvent.Action.DELETED, before=snapshot(attachment))
    attachment.delete()


def propose(
    actor,
    proposer: Resident,
    *,
    description: str,
    owner: str,
    due_on: dt.date,
    priority: Priority | None = None,
    why: str = "",
) -> Proposal:
    """A member's proposal for their own area's plan, waiting for an answer."""
    if priority is not None and priority.plan.area_id != proposer.area_id:
        raise ValidationError({"priority": _("Choose one of your area's priorities.")})
    proposal = Proposal(
        area=proposer.area,
        proposer=proposer,
        description=description.strip(),
        owner=owner.strip(),
        due_on=due_on,
        priority=priority,
        why=why.strip(),
    )
    proposal.full_clean()
    proposal.save()
    record_change(actor, proposal, AuditEvent.Action.CREATED)
    return proposal


def _waiting(proposal: Proposal) -> Proposal:
    """The proposal, locked, while it still waits for an answer: two answers given at the same
    moment follow each other, and the second is refused."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != Proposal.Status.WAITING:
        raise ConflictError(
            _("This proposal has been answered already: %(answer)s.")
            % {"answer": locked.get_status_display().lower()}
        )
    return locked


def _answered(actor, proposal: Proposal, status: str, reason: str, fields: list[str]) -> None:
    before = snapshot(proposal)
    proposal.status = status
    proposal.reason = reason.strip()
    proposal.answered_at = timezone.now()
    proposal.answered_by = actor
    _changed(actor, proposal, ["status", "reason", "answered_at", "answered_by", *fields], before)


@transaction.atomic
def accept_proposal(actor, proposal: Proposal, *, reason: str = "") -> Proposal:
    """Accept the proposal into the area's plan: it becomes one of the plan's actions."""
    proposal = _waiting(proposal)
    plan = plan_for(actor, proposal.area)
    proposal.action = add_action(
        actor,
        plan,
        description=proposal.description,
        owner=proposal.owner,
        due_on=proposal.due_on,
        priority=proposal.priority,
    )
    _answered(actor, proposal, Proposal.Status.ACCEPTED, reason, ["action"])
    return proposal


@transaction.atomic
def decline_proposal(actor, proposal: Proposal, *, reason: str) -> Proposal:
    """Decline the proposal, saying why, so the member who made it knows."""
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Enter why the proposal is declined, so the member who made it knows.")}
        )
    proposal = _waiting(proposal)
    _answered(actor, proposal, Proposal.Status.DECLINED, reason, [])
    return proposal


@transaction.atomic
def open_decision(
    actor,
    area: Area,
    *,
    question: str,
    options: Sequence[str],
    proposal: Proposal | None = None,
) -> Decision:
    """Open a decision for the partnership's votes, with two or more different options."""
    labels = [label.strip() for label in options if label.strip()]
    if len(labels) < 2:
        raise ValidationError({"options": _("Enter at least two options, one on each line.")})
    if len({label.casefold() for label in labels}) != len(labels):
        raise ValidationError({"options": _("Enter each option once.")})
    if proposal is not None and proposal.area_id != area.pk:
        raise ValidationError({"proposal": _("Choose one of this area's proposals.")})
    decision = Decision(area=area, question=question.strip(), proposal=proposal, opened_by=actor)
    decision.full_clean()
    decision.save()
    record_change(actor, decision, AuditEvent.Action.CREATED)
    for position, label in enumerate(labels, start=1):
        option = DecisionOption(decision=decision, label=label, position=position)
        option.full_clean()
        option.save()
        record_change(actor, option, AuditEvent.Action.CREATED)
    return decision


def _open(decision: Decision) -> Decision:
    """The decision, locked while still open: a vote and the closing follow each other, so
    no vote arrives after the count."""
    locked = Decision.objects.select_for_update().get(pk=decision.pk)
    if locked.status != Decision.Status.OPEN:
        raise ValidationError(_("This decision is closed, so it takes no more votes."))
    return locked


def _has_voted(decision: Decision, voter: Resident) -> bool:
    return Vote.objects.filter(decision=decision, voter=voter).exists()


@transaction.atomic
def cast_vote(
    actor, voter: Resident, decision: Decision, option: DecisionOption, *, reason: str = ""
) -> Vote:
    """``voter``'s one vote on ``decision``. A second vote, even at the same moment as the
    first, is refused: here, and by the database's rule on (decision, voter)."""
    decision = _open(decision)
    if voter.area_id != decision.area_id or voter.erased_at is not None:
        raise ValidationError(_("Only members of this area's partnership can vote on it."))
    if option.decision_id != decision.pk:
        raise ValidationError({"option": _("Choose one of this decision's options.")})
    if _has_voted(decision, voter):
        raise ConflictError(ALREADY_VOTED)
    vote = Vote(decision=decision, option=option, voter=voter, reason=reason.strip())
    with unique_or(Vote, ("decision", "voter"), ConflictError(ALREADY_VOTED)):
        vote.save()
    record_change(actor, vote, AuditEvent.Action.CREATED)
    return vote


@transaction.atomic
def close_decision(actor, decision: Decision, *, reasons: str = "") -> Decision:
    """Close the decision: the votes for each option are counted and kept with the result and
    the reasons given for it."""
    decision = _open(decision)
    tally = Counter(decision.votes.values_list("option_id", flat=True))
    counts = {option.label: tally.get(option.pk, 0) for option in decision.options.all()}
    before = snapshot(decision)
    decision.status = Decision.Status.CLOSED
    decision.closed_at = timezone.now()
    decision.closed_by = actor
    decision.counts = counts
    # Kept in English, the record's language; pages show it in the reader's (Decision.result).
    with translation.override(settings.LANGUAGE_CODE):
        decision.outcome = outcome_in_words(counts)
    decision.reasons = reasons.strip()
    fields = ["status", "closed_at", "closed_by", "counts", "outcome", "reasons"]
    _changed(actor, decision, fields, before)
    return decision
