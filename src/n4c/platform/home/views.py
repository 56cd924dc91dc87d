"""The page after signing in: what each role needs first.

Every figure comes from the app that owns it (the monthly report, caseloads, referrals,
deadlines, plans, events, rollout) and every queryset starts from that app's access function,
so a home shows only what its user may see anywhere else.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from n4c.platform.areas.access import areas_editable_by, areas_visible_to
from n4c.platform.areas.models import Stage
from n4c.platform.audit.models import AuditEvent
from n4c.platform.caseloads.access import people_assignable_by
from n4c.platform.caseloads.capacity import limit_for
from n4c.platform.caseloads.models import Assignment
from n4c.platform.caseloads.services import caseload_by_month
from n4c.platform.core.months import months_back
from n4c.platform.deadlines.services import upcoming_deadlines
from n4c.platform.events.access import events_visible_to
from n4c.platform.events.models import Event
from n4c.platform.home.charts import Chart, bar_chart, month_label
from n4c.platform.neighbourhood_planning.access import plans_visible_to
from n4c.platform.people.access import region_id_of, role_of
from n4c.platform.people.models import Role, display_name
from n4c.platform.plans.models import Action
from n4c.platform.referrals.access import referrals_visible_to
from n4c.platform.referrals.models import Referral
from n4c.platform.referrals.services import referrals_by_outcome
from n4c.platform.right_to_bid.access import cases_visible_to
from n4c.platform.rollout.forms import RolloutForm
from n4c.platform.support_log.report import monthly_report, support_by_month

#: How far ahead "what is due" looks, and how many months the charts show.
DUE_DAYS = 28
CHART_MONTHS = 6


def _support_chart(title: str, today: dt.date, **scope) -> Chart:
    months = support_by_month(months_back(today, CHART_MONTHS), today, **scope)
    return bar_chart(
        title,
        (_("Committed"), _("Delivered")),
        [(month_label(m.month_start), (m.committed_days, m.delivered_days)) for m in months],
        unit=_("days"),
    )


def _caseload_chart(title: str, today: dt.date, assignments) -> Chart:
    counts = caseload_by_month(
        months_back(today, CHART_MONTHS), today, assignments=assignments, today=today
    )
    return bar_chart(
        title, (_("Areas held"),), [(month_label(m), (n,)) for m, n in counts], unit=_("areas")
    )


def _referral_chart(title: str, referrals) -> Chart:
    return bar_chart(
        title,
        (_("Referrals"),),
        [(label, (n,)) for label, n in referrals_by_outcome(referrals)],
        unit=_("referrals"),
    )


def _worker_home(user, today: dt.date) -> dict:
    mine = areas_editable_by(user)
    report = monthly_report(today.replace(day=1), areas=mine, today=today)
    upto = today + dt.timedelta(days=DUE_DAYS)
    cases = cases_visible_to(user).filter(asset__area__in=mine).select_related("asset__area")
    plans = plans_visible_to(user).filter(area__in=mine).select_related("area")
    area_ids = [str(pk) for pk in mine.values_list("pk", flat=True)]
    return {
        "report": report,
        "actions": Action.objects.filter(
            plan__area__in=mine,
            status__in=[Action.Status.NOT_STARTED, Action.Status.IN_PROGRESS],
            due_on__lte=upto,
        ).select_related("plan__area"),
        "deadlines": upcoming_deadlines(
            [*cases.prefetch_related("events", "extensions"), *plans.prefetch_related("stages")],
            start=today,
            days=DUE_DAYS,
        ),
        "waiting": referrals_visible_to(user).filter(
            area__in=mine, status=Referral.Status.REQUESTED
        ),
        # Of the events they may see, the national ones and their own region's.
        "events": events_visible_to(user)
        .filter(Q(scope=Event.Scope.NATIONAL) | Q(region_id=region_id_of(user)))
        .filter(starts_on__gte=today, starts_on__lte=upto)
        .order_by("starts_on")[:5],
        "changes": AuditEvent.objects.filter(model="areas.area", object_id__in=area_ids)[:10],
        "charts": [
            _support_chart(_("My support days by month"), today, person=user),
            _caseload_chart(
                _("Areas I held at the end of each month"),
                today,
                Assignment.objects.filter(person=user),
            ),
        ],
    }


def _hub_home(user, today: dt.date) -> dict:
    region_areas = areas_visible_to(user).filter(region_id=region_id_of(user))
    report = monthly_report(today.replace(day=1), areas=region_areas, today=today)
    people = people_assignable_by(user).select_related("profile").order_by("last_name")
    current = Q(assignments__ended_on__isnull=True)
    staff = [
        {
            "person": person,
            "name": display_name(person),
            "role": person.profile.get_role_display(),
            "held": person.held,
            "limit": limit_for(person.profile.role),
        }
        for person in people.annotate(held=Count("assignments", filter=current))
    ]
    return {
        "report": report,
        "unsupported": [
            line for line in report.by_area if line.committed_days and not line.delivered_days
        ],
        "staff": staff,
        "short": [line for line in report.by_person if line.has_gap],
        "charts": [
            _support_chart(_("Support days in the region by month"), today, areas=region_areas),
            _caseload_chart(
                _("Staff assignments held at the end of each month"),
                today,
                Assignment.objects.filter(area__in=region_areas),
            ),
            _referral_chart(
                _("Referrals by outcome"), referrals_visible_to(user).filter(area__in=region_areas)
            ),
        ],
    }


def _rollout_plan() -> list:
    form = RolloutForm({name: field.initial for name, field in RolloutForm().fields.items()})
    result = form.plan() if form.is_valid() else None
    return result[1] if result is not None else []


def _national_home(user, today: dt.date) -> dict:
    areas = areas_visible_to(user)
    stages = dict(areas.values_list("stage").annotate(n=Count("pk")).order_by())
    by_stage = [(label, stages.get(value, 0)) for value, label in Stage.choices]
    in_work = sum(stages.get(s, 0) for s in (Stage.OUTREACH, Stage.YEAR_ZERO, Stage.ACTIVE))
    people = people_assignable_by(user)
    return {
        "report": monthly_report(today.replace(day=1), areas=areas, today=today),
        "by_stage": by_stage,
        "in_work": in_work,
        "staff": dict(people.values_list("profile__role").annotate(n=Count("pk")).order_by()),
        "rollout": _rollout_plan(),
        "charts": [
            bar_chart(
                _("Areas by stage"),
                (_("Areas"),),
                [(s, (n,)) for s, n in by_stage],
                unit=_("areas"),
            ),
            _support_chart(_("Support days by month"), today, areas=areas),
            _caseload_chart(
                _("Staff assignments held at the end of each month"),
                today,
                Assignment.objects.all(),
            ),
            _referral_chart(_("Referrals by outcome"), referrals_visible_to(user)),
        ],
    }


@login_required
def home(request):
    """Each role's home; anyone else (a specialist) starts from the areas."""
    user, today = request.user, dt.date.today()
    role = role_of(user)
    context: dict = {"today": today, "role": role}
    if role in (Role.ADVISER, Role.COMMUNITY_WORKER):
        context |= _worker_home(user, today)
        template = "home/worker.html"
    elif role == Role.HUB_LEAD:
        context |= _hub_home(user, today)
        template = "home/hub_lead.html"
    elif role == Role.NATIONAL_TEAM:
        context |= _national_home(user, today)
        template = "home/national.html"
    elif role == Role.PARTNERSHIP_MEMBER:
        context["areas"] = areas_visible_to(user).select_related("region")
        template = "home/member.html"
    else:
        context["areas_count"] = areas_visible_to(user).count()
        template = "home/other.html"
    return render(request, template, context)
