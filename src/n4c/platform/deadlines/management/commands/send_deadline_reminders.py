"""``send_deadline_reminders``: e-mail the deadlines due at each lead time (run it daily)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from n4c.errors import N4CError
from n4c.platform.deadlines.reminders import send_deadline_reminders
from n4c.platform.deadlines.services import reminder_lead_days


class Command(BaseCommand):
    help = "E-mail reminders of community-rights deadlines due in N4C_REMINDER_LEAD_DAYS days."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Count from this date (YYYY-MM-DD) instead of today.")
        parser.add_argument(
            "--lead-days", help="Comma-separated days ahead, overriding N4C_REMINDER_LEAD_DAYS."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, but send nothing.")

    def handle(self, *args, **options):
        try:
            today = dt.date.fromisoformat(options["today"]) if options["today"] else dt.date.today()
        except ValueError as error:
            raise CommandError(
                f"{options['today']!r} is not a date; enter it as YYYY-MM-DD."
            ) from error
        try:
            if options["lead_days"]:
                lead_days = sorted({int(d) for d in options["lead_days"].split(",") if d.strip()})
            else:
                lead_days = reminder_lead_days()
        except (ValueError, N4CError) as error:
            raise CommandError(
                f"Lead days must be whole numbers, like 28,7,1 ({error})."
            ) from error
        report = send_deadline_reminders(
            today=today, lead_days=lead_days, dry_run=options["dry_run"]
        )
        prefix = "Dry run: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{report.summary()}")
