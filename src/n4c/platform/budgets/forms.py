"""Forms for budget votes. They only collect input; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c.platform.budgets.models import BudgetVote, Proposal
from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.residents.models import Resident


class VoteForm(PlainModelForm):
    class Meta:
        model = BudgetVote
        fields = [
            "title",
            "budget_gbp",
            "ballot_type",
            "max_approvals",
            "max_points",
            "counting_rule",
        ]
        labels = {
            "title": _("Title"),
            "ballot_type": _("Ballot type"),
            "counting_rule": _("Counting rule"),
        }


class ProposalForm(PlainModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "cost_gbp", "description"]
        labels = {"title": _("Title"), "description": _("Description")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class BallotForm(PlainForm):
    """One field per proposal: a tick box (approval) or a number of points (scoring)."""

    def __init__(self, vote: BudgetVote, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vote = vote
        approval = vote.ballot_type == BudgetVote.BallotType.APPROVAL
        for proposal in vote.proposals.all():
            label = f"{proposal.title} ({proposal.cost_text})"  # untranslated: a name and a sum
            field: forms.Field
            if approval:
                field = forms.BooleanField(label=label, required=False)
            else:
                field = forms.IntegerField(
                    label=label,
                    required=False,
                    min_value=0,
                    max_value=vote.max_points,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                )
            field.help_text = proposal.description
            self.fields[f"proposal_{proposal.pk}"] = field

    def points(self) -> dict[str, int]:
        """The points given to each proposal, by proposal id, from the cleaned data."""
        return {
            name.removeprefix("proposal_"): int(value or 0)
            for name, value in self.cleaned_data.items()
            if name.startswith("proposal_")
        }


class PaperBallotForm(BallotForm):
    resident = forms.ModelChoiceField(
        queryset=Resident.objects.none(), label=_("Whose ballot paper is this?")
    )

    def __init__(self, vote: BudgetVote, *args, **kwargs):
        super().__init__(vote, *args, **kwargs)
        self.fields["resident"].queryset = vote.area.residents.filter(erased_at__isnull=True)
        self.order_fields(["resident"])


class ImportForm(PlainForm):
    file = forms.FileField(label=_("Pabulib file (.pb)"))
    counting_rule = forms.ChoiceField(
        label=_("Counting rule"),
        choices=BudgetVote.CountingRule.choices,
        initial=BudgetVote.CountingRule.EQUAL_SHARES,
    )
