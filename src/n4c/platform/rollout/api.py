"""The rollout and cost model in the JSON API: the same answer as `n4c rollout --json`."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Router, Schema

from n4c import rollout
from n4c.rollout import bounds

router = Router(tags=["rollout"])


class RolloutIn(Schema):
    areas: int = Field(100, ge=bounds.AREAS.minimum, le=bounds.AREAS.maximum)
    years: int = Field(3, ge=bounds.YEARS.minimum, le=bounds.YEARS.maximum)
    profile: Literal["even", "ramp"] | None = None
    assumptions: dict[str, Any] = {}


@router.post("/", response=dict[str, Any])
def plan_rollout(request, payload: RolloutIn):
    """Posts by role and cost by line for each year; ``assumptions`` is laid over the defaults
    (the same shape as ``assumptions.toml``)."""
    merged = rollout.merge_assumptions(rollout.default_assumptions_dict(), payload.assumptions)
    model = rollout.assumptions_from_dict(merged)
    plan = rollout.plan_rollout(payload.areas, payload.years, model, profile=payload.profile)
    return {
        "areas": payload.areas,
        "years": payload.years,
        "estimate": model.estimate,
        "rollout": [year.to_dict() for year in plan],
    }
