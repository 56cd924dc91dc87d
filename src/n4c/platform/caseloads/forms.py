from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.caseloads.access import people_assignable_by
from n4c.platform.caseloads.capacity import check_capacity
from n4c.platform.caseloads.models import AssignmentRole
from n4c.platform.core.forms import PlainForm
from n4c.platform.people.models import display_name


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return gettext("%(name)s (%(role)s)") % {
            "name": display_name(obj),
            "role": obj.profile.get_role_display(),
        }


class AssignmentForm(PlainForm):
    role = forms.ChoiceField(choices=AssignmentRole.choices, label=_("Role in this area"))
    person = PersonChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Person"),
        error_messages={
            "required": _("Choose the person to assign."),
            "invalid_choice": _(
                "Choose someone from the list: the advisers and community "
                "workers you can assign who can still sign in."
            ),
        },
    )

    def __init__(self, *args, area, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["person"].queryset = (  # type: ignore[attr-defined]
            people_assignable_by(actor)
            .select_related("profile")
            .order_by("last_name", "first_name")
        )

    def clean(self):
        cleaned = super().clean()
        person, role = cleaned.get("person"), cleaned.get("role")
        if person is not None and role:
            try:
                check_capacity(person, role, area=self.area)
            except forms.ValidationError as error:
                self.add_error("person", error)
        return cleaned
