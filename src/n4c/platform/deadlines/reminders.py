"""Deadline reminders by e-mail, at the lead times in ``N4C_REMINDER_LEAD_DAYS``.

Each reminder goes to the area's current adviser and community worker and the case's contact,
once per deadline and lead time (recorded in ``ReminderSent``), so running the command daily,
or twice in a day, never sends a reminder twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from n4c.platform.caseloads.models import Assignment
from n4c.platform.deadlines.models import ReminderSent
from n4c.platform.right_to_bid.models import AssetCase
from n4c.platform.right_to_bid.services import case_deadlines

__all__ = ["ReminderReport", "send_deadline_reminders"]


@dataclass
class ReminderReport:
    cases: int = 0
    sent: int = 0
    already_sent: int = 0
    without_recipients: int = 0

    def summary(self) -> str:
        return (
            f"Checked {self.cases:,} open cases: sent {self.sent:,} reminders, "
            f"{self.already_sent:,} already sent, {self.without_recipients:,} with nobody to tell."
        )


def _recipients(case: AssetCase) -> list[str]:
    people = Assignment.objects.filter(area=case.asset.area, ended_on__isnull=True).select_related(
        "person"
    )
    emails = {a.person.email for a in people if a.person.email}
    if case.contact_email:
        emails.add(case.contact_email)
    return sorted(emails)


def send_deadline_reminders(
    *, today: dt.date, lead_days: list[int], dry_run: bool = False
) -> ReminderReport:
    """Send a reminder for each deadline exactly ``lead_days`` days ahead of ``today``."""
    report = ReminderReport()
    cases = AssetCase.objects.filter(closed_on__isnull=True).select_related("asset__area")
    for case in cases.prefetch_related("events", "extensions"):
        report.cases += 1
        for deadline in case_deadlines(case):
            if deadline.status == "not_applicable" or deadline.met_on is not None:
                continue
            ahead = (deadline.date - today).days
            if ahead not in lead_days:
                continue
            if ReminderSent.objects.filter(
                case=case, rule_id=deadline.rule_id, deadline_on=deadline.date, lead_days=ahead
            ).exists():
                report.already_sent += 1
                continue
            recipients = _recipients(case)
            if not recipients:
                report.without_recipients += 1
                continue
            if dry_run:
                report.sent += 1
                continue
            when = "today" if ahead == 0 else f"in {ahead} day{'s' if ahead != 1 else ''}"
            condition = f"\n{deadline.status_note}" if deadline.status_note else ""
            body = (
                f"{deadline.title}: {deadline.date:%A %d %B %Y} ({when}).{condition}\n\n"
                f"Asset: {case.asset.name}, {case.asset.area.name}\nCase: {case.title}\n"
                f"Period: {deadline.period}\nRule: {deadline.rule_id} (version "
                f"{deadline.rule_version}), {deadline.citation}\n"
            )
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(
                        case=case,
                        rule_id=deadline.rule_id,
                        deadline_on=deadline.date,
                        lead_days=ahead,
                        recipients=len(recipients),
                    )
                    send_mail(
                        f"{deadline.title} {when}: {case.asset.name}",
                        body,
                        None,
                        recipients,
                    )
            except IntegrityError:
                # Another run recorded it first; that run sends it.
                report.already_sent += 1
                continue
            report.sent += 1
    return report
