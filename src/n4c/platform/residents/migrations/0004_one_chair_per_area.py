"""One chair per area's partnership.

Where an area already has more than one chair (erased members aside), the one who joined the
partnership first stays chair (the lowest record number if they joined the same day) and the
others become members: the chair, or staff, can then give them another role on the roles page.
"""

from django.db import migrations, models


def keep_one_chair_per_area(apps, schema_editor):
    Resident = apps.get_model("residents", "Resident")
    chairs = Resident.objects.filter(partnership_role="chair", erased_at__isnull=True)
    kept: set[int] = set()
    for resident in chairs.order_by("area_id", "joined_on", "pk"):
        if resident.area_id in kept:
            resident.partnership_role = "member"
            resident.save(update_fields=["partnership_role"])
        kept.add(resident.area_id)


class Migration(migrations.Migration):
    dependencies = [("residents", "0003_contact_details_need_consent")]

    operations = [
        migrations.RunPython(keep_one_chair_per_area, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="resident",
            constraint=models.UniqueConstraint(
                condition=models.Q(("erased_at__isnull", True), ("partnership_role", "chair")),
                fields=("area",),
                name="one_chair_per_area",
                violation_error_message=(
                    "This area's partnership already has a chair; make them a member first."
                ),
            ),
        ),
    ]
