"""A text box that shows the plain-English check while it is written (with htmx; without
JavaScript the check shows on the page after saving)."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy

__all__ = ["PlainTextarea"]


class PlainTextarea(forms.Textarea):
    template_name = "plain/plain_textarea.html"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(
            {
                "hx-post": reverse_lazy("plain:check"),
                "hx-trigger": "input changed delay:1s",
                "hx-swap": "innerHTML",
                **(attrs or {}),
            }
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["hx-target"] = f"#{widget_attrs.get('id', name)}-plain"
        return context
