"""Demo guidance and templates with tags."""

from __future__ import annotations

from django.db import transaction

from n4c.platform.resources import services
from n4c.platform.resources.models import Resource
from n4c.rights.letters import nomination_template

__all__ = ["seed", "seed_resources"]

_RESOURCES = [
    (
        "Year Zero: the first year of a partnership",
        "guidance",
        "What to do before the plan is written, step by step.",
        ["year zero", "governance"],
    ),
    (
        "Partnership terms of reference",
        "template",
        "A template for how the partnership makes decisions.",
        ["governance", "template"],
    ),
    (
        "Running a community conversation",
        "guidance",
        "Ways to hear from residents who do not come to meetings.",
        ["engagement"],
    ),
    (
        "Asset of community value: nomination letter",
        "template",
        "A letter to nominate a building or land as an asset of community value.",
        ["community ownership", "rights"],
        nomination_template(),
    ),
    (
        "Setting up a community share offer",
        "guidance",
        "How residents can buy a building together.",
        ["community ownership", "money"],
    ),
    (
        "Partnership budget",
        "template",
        "A spreadsheet layout for a yearly budget.",
        ["money", "template"],
    ),
]


@transaction.atomic
def seed_resources(actor) -> int:
    """Add the demo resources not yet there; returns how many there are."""
    for title, kind, summary, tags, *body in _RESOURCES:
        if not Resource.objects.filter(title=title).exists():
            services.add_resource(
                actor, title=title, kind=kind, summary=summary, tags=tags, body="".join(body)
            )
    return Resource.objects.count()


def seed(areas, actor, today) -> str:
    """The demo hook: guidance and templates; says how many exist."""
    return f"{seed_resources(actor)} guidance documents and templates"
