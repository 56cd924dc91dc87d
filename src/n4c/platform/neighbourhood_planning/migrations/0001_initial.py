import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The assets app's PlanCase and PlanStageEvent, taken over as NeighbourhoodPlan and PlanStage
    on their old tables (no change to the database)."""

    initial = True

    dependencies = [
        ("areas", "0001_initial"),
        ("assets", "0004_plancase"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="NeighbourhoodPlan",
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
                                help_text="e.g. 'Moss Side neighbourhood plan'.", max_length=200
                            ),
                        ),
                        ("opened_on", models.DateField()),
                        (
                            "closed_on",
                            models.DateField(
                                blank=True, help_text="Empty while the plan is open.", null=True
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "area",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="neighbourhood_plans",
                                to="areas.area",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "assets_plancase",
                        "ordering": ["-opened_on", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="PlanStage",
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
                                help_text="A stage the rules count from, e.g. pre-submission-publicised.",
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
                                related_name="stages",
                                to="neighbourhood_planning.neighbourhoodplan",
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
                        "db_table": "assets_planstageevent",
                        "ordering": ["date", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("case", "event"), name="one_date_per_stage_per_plan"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
