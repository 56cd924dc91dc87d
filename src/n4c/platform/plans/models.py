"""An area's plan: its vision, priorities, actions (owner, due date), milestones and the Year Zero checklist."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area


class Theme(models.TextChoices):
    """Themes of plan priorities: a shared list, so areas with the same priority can find each other."""

    HOUSING = "housing", _("Housing")
    JOBS_AND_SKILLS = "jobs_and_skills", _("Jobs and skills")
    YOUNG_PEOPLE = "young_people", _("Young people")
    OLDER_PEOPLE = "older_people", _("Older people")
    HEALTH = "health", _("Health and wellbeing")
    GREEN_SPACES = "green_spaces", _("Green spaces and environment")
    COMMUNITY_SPACES = "community_spaces", _("Community spaces and buildings")
    TRANSPORT = "transport", _("Transport and getting about")
    SAFETY = "safety", _("Feeling safe")
    MONEY = "money", _("Money, debt and the cost of living")
    ARTS_AND_HERITAGE = "arts_and_heritage", _("Arts, culture and heritage")
    LOCAL_ECONOMY = "local_economy", _("Shops and the local economy")


#: The Year Zero checklist: what a partnership does in its first year before the plan is agreed.
YEAR_ZERO_CHECKLIST: tuple[tuple[str, str | Promise], ...] = (
    ("partnership_formed", _("A residents' partnership has formed and met.")),
    ("terms_of_reference", _("The partnership has agreed how it works (terms of reference).")),
    (
        "community_conversations",
        _("Residents across the area have been asked what matters to them."),
    ),
    ("needs_profile_reviewed", _("The partnership has looked at the area's needs profile.")),
    ("assets_mapped", _("Local groups, buildings and other assets have been listed.")),
    ("vision_agreed", _("The vision is agreed.")),
    ("priorities_agreed", _("The priorities are agreed.")),
    ("plan_endorsed", _("The plan has been shared with residents and endorsed.")),
)


class AreaPlan(models.Model):
    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="plan")
    vision = models.TextField(
        blank=True, help_text=_("What residents want the area to be like in ten years.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area__name"]

    def __str__(self) -> str:
        return gettext("Plan for %(area)s") % {"area": self.area}

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.area_id])


class Priority(models.Model):
    plan = models.ForeignKey(AreaPlan, on_delete=models.CASCADE, related_name="priorities")
    theme = models.CharField(max_length=32, choices=Theme.choices)
    title = models.CharField(max_length=200, help_text=_("The priority in residents' own words."))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = _("priorities")

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(AreaPlan, on_delete=models.CASCADE, related_name="actions")
    priority = models.ForeignKey(
        Priority, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.CharField(max_length=300)
    owner = models.CharField(max_length=120, help_text=_("Who will do it: a person or a group."))
    due_on = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOT_STARTED)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description


class Milestone(models.Model):
    plan = models.ForeignKey(AreaPlan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    target_on = models.DateField()
    reached_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["target_on", "id"]

    def __str__(self) -> str:
        return self.title


class YearZeroCheck(models.Model):
    """One ticked item of the Year Zero checklist; an item with no row is not done yet."""

    plan = models.ForeignKey(AreaPlan, on_delete=models.CASCADE, related_name="year_zero")
    item = models.CharField(max_length=40, choices=list(YEAR_ZERO_CHECKLIST))
    done_on = models.DateField()

    class Meta:
        ordering = ["item"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "item"], name="plans_year_zero_once_per_item")
        ]

    def __str__(self) -> str:
        return self.get_item_display()
