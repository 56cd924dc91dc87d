"""A resource is a piece of guidance or a template, with tags to find it by."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    class Kind(models.TextChoices):
        GUIDANCE = "guidance", _("Guidance")
        TEMPLATE = "template", _("Template")

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    summary = models.CharField(
        max_length=300, help_text=_("One or two sentences: what it helps with.")
    )
    plain_summary = models.TextField(
        _("Plain English summary"),
        blank=True,
        help_text=_("For residents: what it is and what to do, in short, everyday words."),
    )
    body = models.TextField(blank=True, help_text=_("The guidance, or the template's text."))
    link = models.URLField(blank=True, help_text=_("Where the full document lives, if elsewhere."))
    tags = models.ManyToManyField(Tag, blank=True, related_name="resources")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", args=[self.pk])


class ResourceTranslation(models.Model):
    """A person's translation of a resource into one of the platform's languages (see
    :mod:`n4c.platform.resources.translations`); a reader who chose that language sees it."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "language"], name="one_translation_each")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"
