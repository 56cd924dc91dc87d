from django.db import migrations


class Migration(migrations.Migration):
    """The tables taken over from the assets app are renamed after this app; their rows stay."""

    dependencies = [
        ("assets", "0005_cases_plans_and_deadlines_move_out"),
        ("right_to_bid", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="assetcase", table=None),
        migrations.AlterModelTable(name="caseevent", table=None),
        migrations.AlterModelTable(name="caseextension", table=None),
    ]
