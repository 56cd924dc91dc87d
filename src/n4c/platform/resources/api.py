"""Guidance and templates in the JSON API: search and add."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.resources import services
from n4c.platform.resources.models import Resource
from n4c.platform.resources.search import resources_visible_to, search_resources

router = Router(tags=["resources"])


class ResourceOut(Schema):
    id: int
    title: str
    kind: str
    summary: str
    plain_summary: str
    body: str
    link: str
    tags: list[str]

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]


class ResourceIn(Schema):
    title: str
    kind: Resource.Kind
    summary: str
    plain_summary: str = ""
    body: str = ""
    link: str = ""
    tags: list[str] = []


@router.get("/", response=list[ResourceOut])
def list_resources(request, page: Query[Page], q: str = "", tag: str = "", kind: str = ""):
    return page_of(
        search_resources(resources_visible_to(request.user), q, tag=tag, kind=kind), page
    )


@router.get("/{resource_id}", response=ResourceOut)
def get_resource(request, resource_id: RecordId):
    return get_object_or_404(resources_visible_to(request.user), pk=resource_id)


@router.post("/", response={201: ResourceOut})
def add_resource(request, payload: ResourceIn):
    data = payload.dict()
    tags = services.parse_tags(",".join(data.pop("tags")))
    return Status(201, services.add_resource(request.user, tags=tags, **data))
