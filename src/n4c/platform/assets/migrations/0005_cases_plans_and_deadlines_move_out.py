"""The right-to-bid, neighbourhood-planning and deadline models leave this app for their own.

No row moves: the new apps took the tables over as they are (their 0001 migrations), and rename
them after themselves in their 0002. Here the models leave this app's state, and the content
types and audit-log entries that name them by app are relabelled, so admin history and each
record's audit trail carry on under the new names.
"""

from django.db import migrations

# (old model, new app, new model), as Django labels them in lower case.
MOVED = [
    ("assetcase", "right_to_bid", "assetcase"),
    ("caseevent", "right_to_bid", "caseevent"),
    ("caseextension", "right_to_bid", "caseextension"),
    ("plancase", "neighbourhood_planning", "neighbourhoodplan"),
    ("planstageevent", "neighbourhood_planning", "planstage"),
    ("calendarfeed", "deadlines", "calendarfeed"),
    ("remindersent", "deadlines", "remindersent"),
]


def _relabel(apps, moves) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    permission = apps.get_model("auth", "Permission")
    audit_event = apps.get_model("audit", "AuditEvent")
    for (old_app, old_model), (new_app, new_model) in moves:
        audit_event.objects.filter(model=f"{old_app}.{old_model}").update(
            model=f"{new_app}.{new_model}"
        )
        if content_type.objects.filter(app_label=new_app, model=new_model).exists():
            continue  # made already (a database migrated in parts); the old one then goes stale
        moved = content_type.objects.filter(app_label=old_app, model=old_model).first()
        if moved is None:
            continue
        moved.app_label, moved.model = new_app, new_model
        moved.save(update_fields=["app_label", "model"])
        for perm in permission.objects.filter(content_type=moved):
            perm.codename = perm.codename.replace(f"_{old_model}", f"_{new_model}")
            perm.save(update_fields=["codename"])


def forwards(apps, schema_editor) -> None:
    _relabel(apps, [(("assets", old), (app, new)) for old, app, new in MOVED])


def backwards(apps, schema_editor) -> None:
    _relabel(apps, [((app, new), ("assets", old)) for old, app, new in MOVED])


class Migration(migrations.Migration):
    dependencies = [
        ("assets", "0004_plancase"),
        ("audit", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("deadlines", "0001_initial"),
        ("neighbourhood_planning", "0001_initial"),
        ("right_to_bid", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ReminderSent"),
                migrations.DeleteModel(name="CalendarFeed"),
                migrations.DeleteModel(name="CaseExtension"),
                migrations.DeleteModel(name="CaseEvent"),
                migrations.DeleteModel(name="AssetCase"),
                migrations.DeleteModel(name="PlanStageEvent"),
                migrations.DeleteModel(name="PlanCase"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
