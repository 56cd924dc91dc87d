"""Forms for signing in and for adding and changing staff. They collect input; the rules live
in services (and, for throttling, in the authentication backend)."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainErrorMessages, PlainForm
from n4c.platform.people import throttle
from n4c.platform.people.access import region_id_of, role_of
from n4c.platform.people.models import Role
from n4c.platform.people.services import roles_addable_by
from n4c.platform.regions.models import Region


class _SaysWhenThrottled:
    """Tell a locked-out person why, instead of "wrong password": the backend
    (``people.backends``) refuses every way of signing in while the pause lasts."""

    request: object
    cleaned_data: dict

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if throttle.is_locked_out(username, throttle.client_address(self.request)):
            raise forms.ValidationError(throttle.lockout_message(), code="throttled")
        return super().clean()  # type: ignore[misc]


class ThrottledAuthenticationForm(_SaysWhenThrottled, PlainErrorMessages, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Enter a correct user name and password. Both are case-sensitive."),
    }


class PlainSetPasswordForm(PlainErrorMessages, SetPasswordForm):
    """Choosing a password, with the platform's plain error messages."""


class ThrottledAdminAuthenticationForm(_SaysWhenThrottled, AdminAuthenticationForm):
    """The admin site's sign-in, under the same pause as every other."""


class UsernameField(forms.RegexField):
    """A new user name, in the characters Django's own user names allow."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("User name"))
        kwargs.setdefault(
            "help_text", _("What they will sign in with: letters, digits and . @ + - _ only.")
        )
        super().__init__(
            regex=r"^[\w.@+-]+$",
            max_length=150,
            error_messages={"invalid": _("Use only letters, digits and . @ + - _ in a user name.")},
            **kwargs,
        )


class _RoleAndHub(PlainForm):
    role = forms.ChoiceField(label=_("Role"))
    region = forms.ModelChoiceField(
        Region.objects.all(),
        label=_("Hub (region)"),
        required=False,
        empty_label=_("No hub (national team, specialists)"),
        help_text=_("Hub leads, advisers and community workers belong to one hub."),
    )

    def __init__(self, *args, actor, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in roles_addable_by(actor)]
        if role_of(actor) == Role.HUB_LEAD:
            field = self.fields["region"]
            field.queryset = Region.objects.filter(pk=region_id_of(actor))
            field.required, field.empty_label = True, None
            own = field.queryset.first()  # type: ignore[attr-defined]
            if own is not None:
                field.error_messages["invalid_choice"] = gettext(
                    "You can only add people to your own hub (%(hub)s)."
                ) % {"hub": own.name}


class PersonForm(_RoleAndHub):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    username = UsernameField()
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Optional. If given, the link to set a password is sent there too."),
    )
    field_order = ["first_name", "last_name", "username", "email", "role", "region"]


class PersonChangeForm(_RoleAndHub):
    active = forms.BooleanField(
        label=_("May sign in"),
        required=False,
        help_text=_("Untick when someone leaves: their history stays, they can no longer sign in."),
    )
