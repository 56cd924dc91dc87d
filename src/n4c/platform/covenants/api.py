"""Covenants in the JSON API: read an area's covenant; record signatures, commitments, their
status and review dates."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status

from n4c.platform.areas.access import area_for_editing, area_for_viewing
from n4c.platform.core.ids import RecordId
from n4c.platform.covenants import services
from n4c.platform.covenants.models import Commitment, ReviewPoint, Sector, Signatory

router = Router(tags=["covenants"])


class CommitmentOut(Schema):
    id: int
    description: str
    due_on: dt.date
    status: str
    kept_on: dt.date | None
    state: str


class ReviewPointOut(Schema):
    id: int
    review_on: dt.date
    note: str


class SignatoryOut(Schema):
    id: int
    organisation: str
    sector: str
    signed_by: str
    signed_on: dt.date
    commitments: list[CommitmentOut]
    review_points: list[ReviewPointOut]


class UpcomingReviewOut(Schema):
    signatory_id: int
    organisation: str
    review_on: dt.date
    note: str


class CovenantOut(Schema):
    area_id: int
    signatories: list[SignatoryOut]
    upcoming_reviews: list[UpcomingReviewOut]


class SignatoryIn(Schema):
    organisation: str
    sector: Sector
    signed_by: str
    signed_on: dt.date


class CommitmentIn(Schema):
    description: str
    due_on: dt.date


class CommitmentPatch(Schema):
    status: Commitment.Status
    kept_on: dt.date | None = None


class ReviewPointIn(Schema):
    review_on: dt.date
    note: str = ""


def _commitment(commitment: Commitment, today: dt.date) -> dict:
    return {
        "id": commitment.pk,
        "description": commitment.description,
        "due_on": commitment.due_on,
        "status": commitment.status,
        "kept_on": commitment.kept_on,
        "state": commitment.state_on(today).value,
    }


def _signatory(signatory: Signatory, today: dt.date) -> dict:
    return {
        "id": signatory.pk,
        "organisation": signatory.organisation,
        "sector": signatory.sector,
        "signed_by": signatory.signed_by,
        "signed_on": signatory.signed_on,
        "commitments": [_commitment(c, today) for c in signatory.commitments.all()],
        "review_points": list(signatory.review_points.all()),
    }


def _review(point: ReviewPoint) -> dict:
    return {
        "signatory_id": point.signatory_id,
        "organisation": point.signatory.organisation,
        "review_on": point.review_on,
        "note": point.note,
    }


@router.get("/{area_id}", response=CovenantOut)
def get_covenant(request, area_id: RecordId):
    area = area_for_viewing(request.user, area_id)
    today = timezone.localdate()
    return {
        "area_id": area.pk,
        "signatories": [_signatory(s, today) for s in services.signatories_of(area)],
        "upcoming_reviews": [_review(p) for p in services.upcoming_reviews(area, today)],
    }


@router.post("/{area_id}/signatories", response={201: SignatoryOut})
def post_signatory(request, area_id: RecordId, payload: SignatoryIn):
    area = area_for_editing(request.user, area_id)
    signatory = services.sign(request.user, area, **payload.dict())
    return Status(201, _signatory(signatory, timezone.localdate()))


def _signatory_in(request, area_id: int, signatory_id: int) -> Signatory:
    area = area_for_editing(request.user, area_id)
    return get_object_or_404(Signatory, pk=signatory_id, plan__area=area)


@router.post("/{area_id}/signatories/{signatory_id}/commitments", response={201: CommitmentOut})
def post_commitment(request, area_id: RecordId, signatory_id: RecordId, payload: CommitmentIn):
    signatory = _signatory_in(request, area_id, signatory_id)
    commitment = services.add_commitment(request.user, signatory, **payload.dict())
    return Status(201, _commitment(commitment, timezone.localdate()))


@router.post("/{area_id}/signatories/{signatory_id}/review-points", response={201: ReviewPointOut})
def post_review_point(request, area_id: RecordId, signatory_id: RecordId, payload: ReviewPointIn):
    signatory = _signatory_in(request, area_id, signatory_id)
    return Status(201, services.add_review_point(request.user, signatory, **payload.dict()))


@router.patch("/{area_id}/commitments/{commitment_id}", response=CommitmentOut)
def patch_commitment(request, area_id: RecordId, commitment_id: RecordId, payload: CommitmentPatch):
    area = area_for_editing(request.user, area_id)
    commitment = get_object_or_404(Commitment, pk=commitment_id, signatory__plan__area=area)
    services.set_commitment_status(request.user, commitment, **payload.dict())
    return _commitment(commitment, timezone.localdate())
