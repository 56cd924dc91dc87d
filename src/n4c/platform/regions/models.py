"""A region is a hub; its local authorities come from the ONS LAD → region lookup."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Region(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS region code, e.g. E12000001.")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", args=[self.code])


class LocalAuthority(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS LAD 2019 code.")
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name
