"""Contact details are kept only with the person's consent to be contacted.

Records made before the rule was enforced may hold an e-mail address or phone number with no
consent behind it. Those are kept only where a contact consent was recorded, its latest answer
is yes and it was not withdrawn; every other e-mail and phone (and the e-mail copied to that
member's sign-in) is removed. We cannot tell whether someone agreed without a record of it, and
the safe reading of "no record" is "no consent".
"""

from django.conf import settings
from django.db import migrations


def drop_contact_details_without_consent(apps, schema_editor):
    Resident = apps.get_model("residents", "Resident")
    Consent = apps.get_model("residents", "Consent")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    for resident in Resident.objects.exclude(email="", phone=""):
        latest = (
            Consent.objects.filter(resident=resident, purpose="contact")
            .order_by("-recorded_at", "-id")
            .first()
        )
        if latest is not None and latest.given and latest.withdrawn_at is None:
            continue
        resident.email = ""
        resident.phone = ""
        resident.save(update_fields=["email", "phone"])
        if resident.account_id is not None:
            User.objects.filter(pk=resident.account_id).update(email="")


class Migration(migrations.Migration):
    dependencies = [("residents", "0002_resident_account")]

    operations = [
        migrations.RunPython(drop_contact_details_without_consent, migrations.RunPython.noop)
    ]
