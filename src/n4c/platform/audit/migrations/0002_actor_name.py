from django.conf import settings
from django.db import migrations, models


def _name_past_actors(apps, schema_editor):
    """Write each existing event's actor as "Full Name (username)", as record_change does now,
    so their name outlives their account. Historical models have no get_full_name."""
    events = apps.get_model("audit", "AuditEvent")
    users = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    actor_ids = events.objects.filter(actor__isnull=False).values_list("actor_id", flat=True)
    for user in users.objects.filter(pk__in=actor_ids.distinct()):
        full_name = f"{user.first_name} {user.last_name}".strip()
        label = f"{full_name} ({user.username})" if full_name else user.username
        events.objects.filter(actor_id=user.pk).update(actor_name=label[:300])


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="actor_name",
            field=models.CharField(
                blank=True, help_text="Who acted, as they were named then.", max_length=300
            ),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("created", "Created"),
                    ("changed", "Changed"),
                    ("deleted", "Deleted"),
                    ("link_issued", "Link to set a password made"),
                    ("password_set", "Password set"),
                    ("exported", "Exported"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(_name_past_actors, migrations.RunPython.noop),
    ]
