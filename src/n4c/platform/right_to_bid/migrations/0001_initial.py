import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The assets app's right-to-bid tables, taken over as they are (no change to the database)."""

    initial = True

    dependencies = [
        ("assets", "0004_plancase"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AssetCase",
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
                        (
                            "title",
                            models.CharField(
                                help_text="e.g. 'Nomination by the residents' group'.",
                                max_length=200,
                            ),
                        ),
                        (
                            "contact_email",
                            models.EmailField(
                                blank=True,
                                help_text="Also sent deadline reminders (e.g. the nominating group).",
                                max_length=254,
                            ),
                        ),
                        ("opened_on", models.DateField()),
                        (
                            "closed_on",
                            models.DateField(
                                blank=True, help_text="Empty while the case is open.", null=True
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "asset",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="cases",
                                to="assets.asset",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "assets_assetcase",
                        "ordering": ["-opened_on", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="CaseEvent",
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
                        (
                            "event",
                            models.CharField(
                                help_text="An event the statutory rules count from, e.g. notice-of-disposal.",
                                max_length=50,
                            ),
                        ),
                        ("date", models.DateField()),
                        ("note", models.CharField(blank=True, max_length=300)),
                        ("recorded_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "case",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="events",
                                to="right_to_bid.assetcase",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "assets_caseevent",
                        "ordering": ["date", "pk"],
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("case", "event"), name="one_date_per_event_per_case"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="CaseExtension",
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
                        (
                            "rule_id",
                            models.CharField(
                                help_text="e.g. acv.listing-review-decision.", max_length=100
                            ),
                        ),
                        ("extended_to", models.DateField()),
                        (
                            "note",
                            models.CharField(
                                blank=True,
                                help_text="Who agreed it, and where it is written.",
                                max_length=300,
                            ),
                        ),
                        ("recorded_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "case",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="extensions",
                                to="right_to_bid.assetcase",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "assets_caseextension",
                        "ordering": ["extended_to"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("case", "rule_id"), name="one_extension_per_rule_per_case"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
