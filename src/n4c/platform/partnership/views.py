"""Partnership workspace pages: the overview, proposals, decisions and roles. Each page fetches
its area with :func:`~n4c.platform.partnership.access.area_for` and the action it is for."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.core.forms import apply_service
from n4c.platform.partnership import services
from n4c.platform.partnership.access import area_for, may, member_record, role_in_partnership
from n4c.platform.partnership.forms import (
    AnswerForm,
    CloseForm,
    DecisionForm,
    MemberRoleForm,
    ProposalForm,
    StaffAttachmentForm,
    VoteForm,
)
from n4c.platform.partnership.models import Decision, StaffAttachment, StaffRole
from n4c.platform.plans.models import AreaPlan
from n4c.platform.residents.models import Resident

_ROLE_LABELS = dict(Resident.PartnershipRole.choices) | dict(StaffRole.choices)


def _status(form) -> int:
    return 400 if form.errors else 200


@login_required
def workspace(request, area_id: int):
    area = area_for(request.user, area_id, "read")
    me = member_record(request.user, area)
    role = role_in_partnership(request.user, area)
    return render(
        request,
        "partnership/workspace.html",
        {
            "area": area,
            "role_label": _ROLE_LABELS.get(role or "", ""),
            "me": me,
            "may_propose": may(request.user, area, "propose"),
            "may_run": may(request.user, area, "run_decision"),
            "may_set_roles": may(request.user, area, "set_roles"),
            "shows_names": may(request.user, area, "answer_proposal"),
            "proposals": area.proposals.select_related("proposer"),
            "decisions": area.decisions.all(),
            "officers": Resident.objects.filter(area=area, erased_at__isnull=True).exclude(
                partnership_role=Resident.PartnershipRole.MEMBER
            ),
            "staff": StaffAttachment.objects.filter(area=area).select_related("person"),
        },
    )


@login_required
def propose(request, area_id: int):
    area = area_for(request.user, area_id, "propose")
    proposer = member_record(request.user, area)
    form = ProposalForm(request.POST or None, plan=AreaPlan.objects.filter(area=area).first())
    proposal = (
        apply_service(form, lambda data: services.propose(request.user, proposer, **data))
        if request.method == "POST"
        else None
    )
    if proposal is not None:
        messages.success(request, _("Your proposal is sent. You will see the answer here."))
        return redirect(proposal)
    return render(
        request, "partnership/propose.html", {"area": area, "form": form}, status=_status(form)
    )


def _proposal_page(request, area, proposal, status: int = 200, answer_form=None):
    return render(
        request,
        "partnership/proposal.html",
        {
            "area": area,
            "proposal": proposal,
            "is_mine": proposal.proposer_id is not None
            and proposal.proposer == member_record(request.user, area),
            "shows_names": may(request.user, area, "answer_proposal"),
            "answer_form": answer_form or AnswerForm(),
        },
        status=status,
    )


@login_required
def proposal_detail(request, area_id: int, proposal_id: int):
    area = area_for(request.user, area_id, "read")
    return _proposal_page(request, area, get_object_or_404(area.proposals, pk=proposal_id))


def _answer(request, area_id: int, proposal_id: int, answer, done: str):
    area = area_for(request.user, area_id, "answer_proposal")
    proposal = get_object_or_404(area.proposals, pk=proposal_id)
    form = AnswerForm(request.POST)
    answered = apply_service(form, lambda data: answer(request.user, proposal, **data))
    if answered is None:
        return _proposal_page(request, area, proposal, 400, form)
    messages.success(request, done)
    return redirect(answered)


@login_required
@require_POST
def accept(request, area_id: int, proposal_id: int):
    return _answer(
        request, area_id, proposal_id, services.accept_proposal, _("The proposal is in the plan.")
    )


@login_required
@require_POST
def decline(request, area_id: int, proposal_id: int):
    return _answer(
        request, area_id, proposal_id, services.decline_proposal, _("The proposal is declined.")
    )


@login_required
def open_decision(request, area_id: int):
    area = area_for(request.user, area_id, "run_decision")
    form = DecisionForm(request.POST or None, area=area)
    decision = (
        apply_service(form, lambda data: services.open_decision(request.user, area, **data))
        if request.method == "POST"
        else None
    )
    if decision is not None:
        messages.success(request, _("The decision is open: members can vote now."))
        return redirect(decision)
    return render(
        request,
        "partnership/open_decision.html",
        {"area": area, "form": form},
        status=_status(form),
    )


def _decision_page(request, area, decision, status: int = 200, **forms):
    me = member_record(request.user, area)
    my_vote = decision.votes.filter(voter=me).select_related("option").first() if me else None
    closed = decision.status == Decision.Status.CLOSED
    return render(
        request,
        "partnership/decision.html",
        {
            "area": area,
            "decision": decision,
            "options": decision.options.all(),
            "my_vote": my_vote,
            # A refused vote shows its form again, with the reason.
            "may_vote": "vote_form" in forms
            or (not closed and my_vote is None and may(request.user, area, "vote")),
            "may_close": not closed and may(request.user, area, "run_decision"),
            "votes_cast": decision.votes.count(),
            # Reasons without names, once the decision is closed.
            "vote_reasons": decision.votes.exclude(reason="").select_related("option")
            if closed
            else [],
            "vote_form": forms.get("vote_form") or VoteForm(decision=decision),
            "close_form": forms.get("close_form") or CloseForm(),
        },
        status=status,
    )


@login_required
def decision_detail(request, area_id: int, decision_id: int):
    area = area_for(request.user, area_id, "read")
    return _decision_page(request, area, get_object_or_404(area.decisions, pk=decision_id))


@login_required
@require_POST
def vote(request, area_id: int, decision_id: int):
    area = area_for(request.user, area_id, "vote")
    decision = get_object_or_404(area.decisions, pk=decision_id)
    voter = member_record(request.user, area)
    form = VoteForm(request.POST, decision=decision)
    cast = apply_service(
        form,
        lambda data: services.cast_vote(
            request.user, voter, decision, data["option"], reason=data["reason"]
        ),
    )
    if cast is None:
        return _decision_page(request, area, decision, 400, vote_form=form)
    messages.success(request, _("Your vote is recorded."))
    return redirect(decision)


@login_required
@require_POST
def close(request, area_id: int, decision_id: int):
    area = area_for(request.user, area_id, "run_decision")
    decision = get_object_or_404(area.decisions, pk=decision_id)
    form = CloseForm(request.POST)
    closed = apply_service(
        form, lambda data: services.close_decision(request.user, decision, **data)
    )
    if closed is None:
        return _decision_page(request, area, decision, 400, close_form=form)
    messages.success(
        request, _("The decision is closed. Result: %(outcome)s") % {"outcome": closed.result}
    )
    return redirect(closed)


@login_required
def roles(request, area_id: int):
    area = area_for(request.user, area_id, "set_roles")
    role_form = MemberRoleForm(request.POST or None, area=area)
    if request.method == "POST":
        changed = apply_service(
            role_form,
            lambda data: services.set_member_role(request.user, data["resident"], data["role"]),
        )
        if changed is not None:
            messages.success(
                request,
                _("%(member)s is now %(role)s.")
                % {"member": changed, "role": changed.get_partnership_role_display().lower()},
            )
            return redirect("partnership:roles", area.pk)
    return _roles_page(request, area, role_form=role_form)


def _roles_page(request, area, *, role_form=None, staff_form=None):
    may_attach = may(request.user, area, "attach_staff")
    forms = [role_form, staff_form]
    return render(
        request,
        "partnership/roles.html",
        {
            "area": area,
            "residents": Resident.objects.filter(area=area, erased_at__isnull=True),
            "roles": Resident.PartnershipRole.choices,
            "role_form": role_form or MemberRoleForm(area=area),
            "may_attach": may_attach,
            "staff": StaffAttachment.objects.filter(area=area).select_related("person"),
            "staff_form": (staff_form or StaffAttachmentForm()) if may_attach else None,
        },
        status=400 if any(form is not None and form.errors for form in forms) else 200,
    )


@login_required
@require_POST
def attach_staff(request, area_id: int):
    area = area_for(request.user, area_id, "attach_staff")
    form = StaffAttachmentForm(request.POST)
    attachment = apply_service(
        form,
        lambda data: services.attach_staff(request.user, area, data["person"], data["role"]),
    )
    if attachment is None:
        return _roles_page(request, area, staff_form=form)
    messages.success(
        request, _("%(person)s is attached to the partnership.") % {"person": attachment}
    )
    return redirect("partnership:roles", area.pk)


@login_required
@require_POST
def detach_staff(request, area_id: int, attachment_id: int):
    area = area_for(request.user, area_id, "attach_staff")
    attachment = get_object_or_404(StaffAttachment, area=area, pk=attachment_id)
    services.detach_staff(request.user, attachment)
    messages.success(request, _("They are no longer attached to the partnership."))
    return redirect("partnership:roles", area.pk)
