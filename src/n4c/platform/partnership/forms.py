from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.partnership.models import Decision, Proposal, StaffRole, Vote
from n4c.platform.people.access import STAFF_ROLES
from n4c.platform.people.models import display_name
from n4c.platform.plans.forms import ActionForm, DateInput
from n4c.platform.plans.models import AreaPlan, Priority
from n4c.platform.residents.models import Resident


class ProposalForm(PlainModelForm):
    """A plan item as the plan's own action form asks for it, and why it matters."""

    def __init__(self, *args, plan: AreaPlan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        priorities = self.fields["priority"]
        priorities.queryset = plan.priorities.all() if plan else Priority.objects.none()  # type: ignore[attr-defined]
        priorities.required = False

    class Meta:
        model = Proposal
        fields = ["description", "owner", "due_on", "priority", "why"]
        widgets = {"due_on": DateInput(), "why": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            **ActionForm.Meta.error_messages,
            "description": {"required": _("Enter what should be done.")},
        }


class AnswerForm(PlainForm):
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Reason"),
        help_text=_("Needed when you decline: the member who proposed it will read it."),
    )


class DecisionForm(PlainModelForm):
    options = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        initial=_("Yes\nNo"),
        help_text=_("One option on each line, at least two."),
        error_messages={"required": _("Enter at least two options, one on each line.")},
    )

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        proposals = self.fields["proposal"]
        proposals.queryset = (  # type: ignore[attr-defined]
            Proposal.objects.filter(area=area, status=Proposal.Status.WAITING)
            if area
            else Proposal.objects.none()
        )
        proposals.required = False

    class Meta:
        model = Decision
        fields = ["question", "proposal", "options"]
        labels = {"question": _("What is to be decided")}
        help_texts = {"question": _("For example, “Adopt the plan”.")}
        error_messages = {"question": {"required": _("Enter what is to be decided.")}}

    def clean_options(self) -> list[str]:
        return self.cleaned_data["options"].splitlines()


class VoteForm(PlainModelForm):
    def __init__(self, *args, decision: Decision, **kwargs):
        super().__init__(*args, **kwargs)
        option = self.fields["option"]
        option.empty_label = None  # type: ignore[attr-defined]
        # Setting the queryset gives the radio buttons their choices.
        option.queryset = decision.options.all()  # type: ignore[attr-defined]
        option.label = _("Your vote")
        option.error_messages["required"] = _("Choose an option.")

    class Meta:
        model = Vote
        fields = ["option", "reason"]
        widgets = {"option": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 2})}


class CloseForm(PlainForm):
    reasons = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Reasons for the result"),
        help_text=_("What the partnership said, so that everyone can read why."),
    )


class MemberRoleForm(PlainForm):
    resident = forms.ModelChoiceField(
        queryset=Resident.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a member of this area's partnership."),
            "invalid_choice": _("Choose a member of this area's partnership."),
        },
    )
    role = forms.ChoiceField(choices=Resident.PartnershipRole.choices, label=_("Role"))

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        # One form a row: a sent form names its fields after the row (role-5), as the page's
        # selects are named, so the error summary links to the row's select.
        if self.is_bound and str(self.data.get("resident", "")).isdigit():
            self.auto_id = f"%s-{self.data['resident']}"
        self.fields["resident"].queryset = Resident.objects.filter(  # type: ignore[attr-defined]
            area=area, erased_at__isnull=True
        )


class StaffAttachmentForm(PlainForm):
    person = forms.ModelChoiceField(
        queryset=get_user_model()
        .objects.filter(is_active=True, profile__role__in=STAFF_ROLES)
        .order_by("last_name", "first_name"),
        label=_("Member of staff"),
        error_messages={"required": _("Choose a member of staff.")},
    )
    role = forms.ChoiceField(choices=StaffRole.choices, label=_("Role in the partnership"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].label_from_instance = display_name  # type: ignore[attr-defined]
