from django.db import migrations


class Migration(migrations.Migration):
    """The tables taken over from the assets app are renamed after this app; their rows stay."""

    dependencies = [
        ("assets", "0005_cases_plans_and_deadlines_move_out"),
        ("deadlines", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="remindersent", table=None),
        migrations.AlterModelTable(name="calendarfeed", table=None),
    ]
