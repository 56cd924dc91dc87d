"""Adding and changing resources; views, the API and the seed call these, so each is audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.resources.models import Resource, Tag
from n4c.platform.resources.search import can_manage_resources

__all__ = ["add_resource", "parse_tags"]


def parse_tags(text: str) -> list[str]:
    """Tag names from text separated by commas, trimmed, without repeats (first spelling kept)."""
    seen: dict[str, str] = {}
    for name in text.split(","):
        name = " ".join(name.split())
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


@transaction.atomic
def add_resource(actor, *, tags: list[str], **fields) -> Resource:
    if not can_manage_resources(actor):
        raise PermissionDenied(
            _("Only the national team, hub leads and specialists can add resources.")
        )
    resource = Resource(**fields)
    resource.full_clean()
    resource.save()
    for name in tags:
        # get_or_create: a tag made by another resource at the same moment is found, not made twice.
        tag = (
            Tag.objects.filter(name__iexact=name).first() or Tag.objects.get_or_create(name=name)[0]
        )
        resource.tags.add(tag)
    record_change(actor, resource, AuditEvent.Action.CREATED)
    return resource
