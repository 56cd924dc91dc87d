"""Sign in (throttled) and sign out; the staff directory, adding and changing staff."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordResetConfirmView
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.core.forms import apply_service
from n4c.platform.core.sorting import sorted_page
from n4c.platform.people import services
from n4c.platform.people.access import is_staff_role, password_link_refusal
from n4c.platform.people.forms import (
    PersonChangeForm,
    PersonForm,
    PlainSetPasswordForm,
    ThrottledAuthenticationForm,
)
from n4c.platform.people.languages import remember_language
from n4c.platform.people.models import Profile, Role, display_name
from n4c.platform.regions.models import Region


class ThrottledLoginView(LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_language(self.request, response)
        return response


class SetPasswordView(PasswordResetConfirmView):
    """Choosing a password through a one-time link; the link stops working once used (Django's
    token covers the password) or after N4C_PASSWORD_LINK_HOURS, and using it is audited."""

    form_class = PlainSetPasswordForm
    template_name = "registration/set_password.html"
    success_url = reverse_lazy("set_password_done")

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        # A new resident opens the link before they have chosen anything on this device: the
        # page is in the language staff noted for them (the page is drawn after this).
        if self.user is not None and settings.LANGUAGE_COOKIE_NAME not in self.request.COOKIES:
            remember_language(self.request, response, self.user)
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        record_change(form.user, form.user, AuditEvent.Action.PASSWORD_SET)
        return response


@require_POST
def logout_view(request):
    logout(request)
    return redirect("login")


#: The staff directory's columns, by their name in the address.
_PEOPLE_SORTS = {"name": "user__last_name", "role": "role", "hub": "region__name"}


@login_required
def people_list(request):
    if not is_staff_role(request.user):
        raise PermissionDenied(_("The staff directory is for the Network's staff."))
    people = services.staff_visible_to(request.user)
    role = request.GET.get("role", "")
    region_code = request.GET.get("region", "")
    if role in Role.values:
        people = people.filter(role=role)
    if region_code:
        people = people.filter(region__code=region_code)
    listing = sorted_page(request, people, sorts=_PEOPLE_SORTS, default="name")
    return render(
        request,
        "people/people_list.html",
        {
            "listing": listing,
            "people": [(p, services.can_manage(request.user, p)) for p in listing.page],
            "roles": [(r.value, r.label) for r in Role if r != Role.PARTNERSHIP_MEMBER],
            "regions": Region.objects.all(),
            "role": role,
            "region_code": region_code,
            "can_add": bool(services.roles_addable_by(request.user)),
        },
    )


@login_required
def person_add(request):
    if not services.roles_addable_by(request.user):
        raise PermissionDenied(_("Only the national team and hub leads add people."))
    form = PersonForm(request.POST or None, actor=request.user)
    if request.method == "POST":
        user = apply_service(form, lambda data: services.add_person(request.user, **data))
        if user is not None:
            return _show_link(request, user, added=True)
    return render(
        request, "people/person_form.html", {"form": form, "adding": True},
        status=400 if form.errors else 200,
    )  # fmt: skip


def _managed_profile(user, pk: int) -> Profile:
    profile = get_object_or_404(services.staff_visible_to(user), user_id=pk)
    if not services.can_manage(user, profile):
        raise PermissionDenied(_("You cannot change this person; ask the national team."))
    return profile


@login_required
def person_edit(request, pk: int):
    profile = _managed_profile(request.user, pk)
    initial = {"role": profile.role, "region": profile.region, "active": profile.user.is_active}
    form = PersonChangeForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and apply_service(
        form, lambda data: services.change_person(request.user, profile, **data)
    ):
        messages.success(request, _("%(name)s is updated.") % {"name": display_name(profile.user)})
        return redirect("people:list")
    return render(
        request,
        "people/person_form.html",
        {
            "form": form,
            "person": profile.user,
            "link_refusal": password_link_refusal(request.user, profile.user),
        },
        status=400 if form.errors else 200,
    )


def show_set_password_link(request, user, *, heading: str, back_url: str, back_label: str):
    """The page that hands over a one-time link to set a password, e-mailing it if we can.

    Refused (403) unless the person asking may make one (``people.access.password_link_refusal``).
    """
    try:
        path = services.issue_set_password_link(request.user, user)
    except PermissionDenied as refusal:
        return render(
            request,
            "people/link_refused.html",
            {
                "person": user,
                "reason": str(refusal),
                "back_url": back_url,
                "back_label": back_label,
            },
            status=403,
        )
    link = request.build_absolute_uri(path)
    if user.email:
        services.send_set_password_link(user, link)
    return render(
        request,
        "people/person_added.html",
        {
            "person": user,
            "link": link,
            "heading": heading,
            "back_url": back_url,
            "back_label": back_label,
            "link_hours": services.link_hours(),
        },
    )


def _show_link(request, user, *, added: bool):
    name = display_name(user)
    return show_set_password_link(
        request,
        user,
        heading=(_("%(name)s is added") if added else _("A new link for %(name)s"))
        % {"name": name},
        back_url=reverse("people:list"),
        back_label=_("Back to people"),
    )


@login_required
@require_POST
def new_link(request, pk: int):
    """A fresh link to set a password, for someone whose first one was lost or too old."""
    profile = _managed_profile(request.user, pk)
    return _show_link(request, profile.user, added=False)
