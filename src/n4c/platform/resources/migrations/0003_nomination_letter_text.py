"""The nomination letter template had a title but no text; give it the letter."""

from django.db import migrations

TITLE = "Asset of community value: nomination letter"


def fill(apps, schema_editor):
    from n4c.rights.letters import nomination_template

    Resource = apps.get_model("resources", "Resource")
    Resource.objects.filter(title=TITLE, body="").update(body=nomination_template())


class Migration(migrations.Migration):
    dependencies = [("resources", "0002_resource_plain_summary")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
