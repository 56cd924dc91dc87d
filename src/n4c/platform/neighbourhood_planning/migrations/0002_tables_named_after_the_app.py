from django.db import migrations, models


class Migration(migrations.Migration):
    """The tables taken over from the assets app are renamed after this app and its models, and a
    stage's plan is called ``plan`` (it was ``case``); their rows stay."""

    dependencies = [
        ("assets", "0005_cases_plans_and_deadlines_move_out"),
        ("neighbourhood_planning", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="neighbourhoodplan", table=None),
        migrations.AlterModelTable(name="planstage", table=None),
        migrations.RemoveConstraint(model_name="planstage", name="one_date_per_stage_per_plan"),
        migrations.RenameField(model_name="planstage", old_name="case", new_name="plan"),
        migrations.AddConstraint(
            model_name="planstage",
            constraint=models.UniqueConstraint(
                fields=("plan", "event"), name="one_date_per_stage_per_plan"
            ),
        ),
    ]
