"""A member's own survey responses in their export, and removed when they are erased (the
answers leave the results with them)."""

from __future__ import annotations

from typing import Any

from n4c.platform.residents.models import Resident

__all__ = ["erase_responses", "export_responses"]


def export_responses(resident: Resident) -> list[dict[str, Any]]:
    """Each survey ``resident`` answered online: the wave, when, the consent words and the
    answers."""
    responses = resident.survey_responses.select_related("wave", "wave__site").order_by("id")
    return [
        {
            "survey": str(response.wave),
            "response_id": str(response.response_id),
            "consented_at": response.consented_at.isoformat(),
            "consent_wording": response.consent_wording,
            "answers": response.answers,
        }
        for response in responses
    ]


def erase_responses(actor, resident: Resident) -> None:
    """Delete ``resident``'s responses."""
    resident.survey_responses.all().delete()
