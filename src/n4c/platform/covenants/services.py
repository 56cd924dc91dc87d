"""Changes to covenants, each audited once; views, the API and the demo all call these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Model, Prefetch
from django.utils.translation import gettext as _

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or
from n4c.platform.core.fragments import FragmentVersion
from n4c.platform.covenants.models import Commitment, ReviewPoint, Signatory
from n4c.platform.plans.services import plan_for

__all__ = [
    "COVENANT_VERSION",
    "CovenantSummary",
    "Tally",
    "add_commitment",
    "add_review_point",
    "set_commitment_status",
    "sign",
    "signatories_of",
    "summarise",
    "tally",
    "upcoming_reviews",
]


#: Bumped by every change to a covenant (see ``CovenantsConfig.ready``), for the cached panels.
COVENANT_VERSION = FragmentVersion("covenants")


def _already_signed(organisation: str) -> ValidationError:
    return ValidationError(
        {
            "organisation": _(
                "%(organisation)s has already signed this plan; add to its commitments."
            )
            % {"organisation": organisation}
        }
    )


def _created(actor, instance: Model) -> Model:
    instance.full_clean()
    instance.save()
    record_change(actor, instance, AuditEvent.Action.CREATED)
    return instance


def sign(
    actor, area: Area, *, organisation: str, sector: str, signed_by: str, signed_on: dt.date
) -> Signatory:
    """Record that ``organisation`` signed the area's plan (starting the plan if need be)."""
    plan = plan_for(actor, area)
    organisation = organisation.strip()
    if plan.signatories.filter(organisation__iexact=organisation).exists():
        raise _already_signed(organisation)
    signatory = Signatory(
        plan=plan,
        organisation=organisation,
        sector=sector,
        signed_by=signed_by.strip(),
        signed_on=signed_on,
    )
    signatory.full_clean(validate_constraints=False)
    with unique_or(Signatory, ("plan", "organisation"), _already_signed(organisation)):
        signatory.save()
    record_change(actor, signatory, AuditEvent.Action.CREATED)
    return signatory


def add_commitment(actor, signatory: Signatory, *, description: str, due_on: dt.date) -> Commitment:
    commitment = Commitment(signatory=signatory, description=description.strip(), due_on=due_on)
    _created(actor, commitment)
    return commitment


def set_commitment_status(
    actor, commitment: Commitment, *, status: str, kept_on: dt.date | None = None
) -> Commitment:
    """Mark a commitment kept (on a date), dropped, or not yet kept again."""
    before = snapshot(commitment)
    commitment.status = status
    commitment.kept_on = kept_on
    commitment.full_clean()
    commitment.save(update_fields=["status", "kept_on"])
    record_change(actor, commitment, AuditEvent.Action.CHANGED, before=before)
    return commitment


def add_review_point(
    actor, signatory: Signatory, *, review_on: dt.date, note: str = ""
) -> ReviewPoint:
    point = ReviewPoint(signatory=signatory, review_on=review_on, note=note.strip())
    _created(actor, point)
    return point


def signatories_of(area: Area):
    """The area's signatories with their commitments and review points, earliest signed first."""
    return Signatory.objects.filter(plan__area=area).prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.order_by("due_on", "id")),
        Prefetch("review_points", queryset=ReviewPoint.objects.order_by("review_on", "id")),
    )


def upcoming_reviews(area: Area, today: dt.date) -> list[ReviewPoint]:
    """Review points from ``today`` on, soonest first."""
    return list(
        ReviewPoint.objects.filter(signatory__plan__area=area, review_on__gte=today)
        .select_related("signatory")
        .order_by("review_on", "id")
    )


@dataclass(frozen=True)
class Tally:
    """How many of the area's commitments are in each state on a day."""

    due: int
    late: int
    kept: int
    dropped: int

    @property
    def total(self) -> int:
        return self.due + self.late + self.kept + self.dropped


def tally(signatories, today: dt.date) -> Tally:
    states = [c.state_on(today) for s in signatories for c in s.commitments.all()]
    return Tally(
        due=states.count(Commitment.State.DUE),
        late=states.count(Commitment.State.LATE),
        kept=states.count(Commitment.State.KEPT),
        dropped=states.count(Commitment.State.DROPPED),
    )


@dataclass(frozen=True)
class CovenantSummary:
    """An area's covenant on a day: who signed, how the commitments stand, the coming reviews."""

    signatories: list[Signatory]
    tally: Tally
    reviews: list[ReviewPoint]


def summarise(area: Area, today: dt.date) -> CovenantSummary:
    signatories = list(signatories_of(area))
    return CovenantSummary(signatories, tally(signatories, today), upcoming_reviews(area, today))
