import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The assets app's calendar-feed and reminder tables, taken over as they are (no change to
    the database)."""

    initial = True

    dependencies = [
        ("areas", "0001_initial"),
        ("assets", "0004_plancase"),
        ("right_to_bid", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReminderSent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("rule_id", models.CharField(max_length=100)),
                        ("deadline_on", models.DateField()),
                        ("lead_days", models.PositiveIntegerField()),
                        ("recipients", models.PositiveIntegerField()),
                        ("sent_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "case",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reminders",
                                to="right_to_bid.assetcase",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "assets_remindersent",
                        "ordering": ["-sent_at"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("case", "rule_id", "deadline_on", "lead_days"),
                                name="one_reminder_per_lead",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="CalendarFeed",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("token", models.CharField(max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "area",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="calendar_feed",
                                to="areas.area",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "assets_calendarfeed"},
                ),
            ],
            database_operations=[],
        ),
    ]
