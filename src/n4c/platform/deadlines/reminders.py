"""Deadline reminders by e-mail, at the lead times in ``N4C_REMINDER_LEAD_DAYS``.

Each reminder goes to the area's current adviser and community worker and the case's contact,
once per deadline and lead time (recorded in ``ReminderSent``), so running the command daily,
or twice in a day, never sends a reminder twice.

A recipient with a sign-in reads it in the language they chose for the platform (a contact
address is matched to a sign-in with that address); anyone else reads it in English. The rule's
title and period are translated like the platform's words; its citation stays as the rulebook
gives it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c import rights
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
            f"Checked {self.cases:,} open cases: sent {self.sent:,} reminders, "  # untranslated: the command's report to whoever runs it
            f"{self.already_sent:,} already sent, {self.without_recipients:,} with nobody to tell."
        )


def _language_of(user) -> str:
    """The language ``user`` chose for the platform, else the platform's own (English)."""
    profile = getattr(user, "profile", None)
    language = getattr(profile, "language", "") if profile is not None else ""
    if language and translation.check_for_language(language):
        return language
    return settings.LANGUAGE_CODE


def _recipients(case: AssetCase) -> dict[str, list[str]]:
    """The reminder's addresses, grouped by the language each recipient reads."""
    people = Assignment.objects.filter(area=case.asset.area, ended_on__isnull=True).select_related(
        "person__profile"
    )
    languages = {a.person.email: _language_of(a.person) for a in people if a.person.email}
    if case.contact_email and case.contact_email not in languages:
        account = (
            get_user_model()
            .objects.filter(email__iexact=case.contact_email, is_active=True)
            .select_related("profile")
            .first()
        )
        languages[case.contact_email] = (
            _language_of(account) if account is not None else settings.LANGUAGE_CODE
        )
    grouped: dict[str, list[str]] = defaultdict(list)
    for email in sorted(languages):
        grouped[languages[email]].append(email)
    return dict(grouped)


def _in_words(case: AssetCase, deadline: rights.Deadline) -> rights.Deadline:
    """The same deadline with its words (its period, say) made again in the active language."""
    for again in case_deadlines(case):
        if again.rule_id == deadline.rule_id and again.date == deadline.date:
            return again
    return deadline


def _reminder(case: AssetCase, deadline: rights.Deadline, ahead: int) -> tuple[str, str]:
    """The reminder's subject and body, in the active language."""
    if ahead == 0:
        when = _("today")
    else:
        when = ngettext("in %(days)s day", "in %(days)s days", ahead) % {"days": ahead}
    lines = [
        _("%(title)s: %(date)s (%(when)s).")
        % {"title": _(deadline.title), "date": date_format(deadline.date, "l d E Y"), "when": when},
        *([deadline.status_note] if deadline.status_note else []),
        "",
        _("Asset: %(asset)s, %(area)s") % {"asset": case.asset.name, "area": case.asset.area.name},
        _("Case: %(case)s") % {"case": case.title},
        _("Period: %(period)s") % {"period": deadline.period},
        _("Rule: %(rule)s (version %(version)s), %(citation)s")
        % {
            "rule": deadline.rule_id,
            "version": deadline.rule_version,
            "citation": deadline.citation,
        },
    ]
    subject = _("%(title)s %(when)s: %(asset)s") % {
        "title": _(deadline.title),
        "when": when,
        "asset": case.asset.name,
    }
    return subject, "\n".join(lines) + "\n"


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
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(
                        case=case,
                        rule_id=deadline.rule_id,
                        deadline_on=deadline.date,
                        lead_days=ahead,
                        recipients=sum(len(emails) for emails in recipients.values()),
                    )
                    for language, emails in recipients.items():
                        with translation.override(language):
                            subject, body = _reminder(case, _in_words(case, deadline), ahead)
                        send_mail(subject, body, None, emails)
            except IntegrityError:
                # Another run recorded it first; that run sends it.
                report.already_sent += 1
                continue
            report.sent += 1
    return report
