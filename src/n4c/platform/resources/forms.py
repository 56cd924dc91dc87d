from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainModelForm
from n4c.platform.plain.widgets import PlainTextarea
from n4c.platform.resources.models import Resource
from n4c.platform.resources.services import parse_tags


class ResourceForm(PlainModelForm):
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    tag_names = forms.CharField(
        required=False,
        label=_("Tags"),
        help_text=_("Separate tags with commas, like: money, governance."),
    )

    class Meta:
        model = Resource
        fields = ["title", "kind", "summary", "plain_summary", "body", "link"]
        labels = {
            "title": _("Title"),
            "kind": _("Kind"),
            "summary": _("Summary"),
            "plain_summary": _("Plain English summary"),
            "body": _("Body"),
        }
        widgets = {
            "summary": PlainTextarea(attrs={"rows": 2}),
            "plain_summary": PlainTextarea(attrs={"rows": 3}),
            "body": PlainTextarea(attrs={"rows": 8}),
        }
        error_messages = {
            "title": {"required": _("Enter the title.")},
            "summary": {"required": _("Enter a summary of what it helps with.")},
        }

    def clean_tag_names(self) -> list[str]:
        return parse_tags(self.cleaned_data["tag_names"])
