from __future__ import annotations

from django import forms

from n4c.platform.resources.models import Resource
from n4c.platform.resources.services import parse_tags


class ResourceForm(forms.ModelForm):
    link = forms.URLField(required=False, assume_scheme="https")
    tag_names = forms.CharField(
        required=False,
        label="Tags",
        help_text="Separate tags with commas, like: money, governance.",
    )

    class Meta:
        model = Resource
        fields = ["title", "kind", "summary", "body", "link"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {"required": "Enter the title."},
            "summary": {"required": "Enter a summary of what it helps with."},
        }

    def clean_tag_names(self) -> list[str]:
        return parse_tags(self.cleaned_data["tag_names"])
