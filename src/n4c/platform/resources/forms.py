from __future__ import annotations

from django import forms

from n4c.platform.core.forms import PlainModelForm
from n4c.platform.plain.widgets import PlainTextarea
from n4c.platform.resources.models import Resource
from n4c.platform.resources.services import parse_tags


class ResourceForm(PlainModelForm):
    link = forms.URLField(required=False, assume_scheme="https")
    tag_names = forms.CharField(
        required=False,
        label="Tags",
        help_text="Separate tags with commas, like: money, governance.",
    )

    class Meta:
        model = Resource
        fields = ["title", "kind", "summary", "plain_summary", "body", "link"]
        widgets = {
            "summary": PlainTextarea(attrs={"rows": 2}),
            "plain_summary": PlainTextarea(attrs={"rows": 3}),
            "body": PlainTextarea(attrs={"rows": 8}),
        }
        error_messages = {
            "title": {"required": "Enter the title."},
            "summary": {"required": "Enter a summary of what it helps with."},
        }

    def clean_tag_names(self) -> list[str]:
        return parse_tags(self.cleaned_data["tag_names"])
