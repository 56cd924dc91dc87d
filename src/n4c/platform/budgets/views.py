"""Budget vote pages: staff run a vote in their area; members see their area's votes, vote online
and read the results once published (the only three pages of this app open to members, see
:data:`n4c.platform.areas.access.MEMBER_READS`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c import panels
from n4c.errors import InputError
from n4c.panels import money
from n4c.platform.areas.access import area_for_editing, area_for_viewing, can_edit_area
from n4c.platform.budgets import counting, services
from n4c.platform.budgets.access import (
    may_read_results,
    resident_voting_as,
    vote_for_running,
    vote_for_viewing,
    votes_visible_to,
)
from n4c.platform.budgets.forms import (
    BallotForm,
    ImportForm,
    PaperBallotForm,
    ProposalForm,
    VoteForm,
)
from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.core.forms import add_service_error, apply_service
from n4c.textfiles import decode_text
from n4c.words import number


@login_required
def area_votes(request, area_id: int):
    """An area's votes: staff who run them set one up here; members go on to each ballot."""
    area = area_for_viewing(request.user, area_id)
    runs = can_edit_area(request.user, area)
    form = VoteForm(request.POST if request.method == "POST" else None) if runs else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only staff who work with this area can set up a vote."))
        vote = apply_service(form, lambda data: services.open_vote(request.user, area, **data))
        if vote is not None:
            messages.success(request, _("Vote set up. Add the proposals, then open voting."))
            return redirect(vote)
    return render(
        request,
        "budgets/area_votes.html",
        {
            "area": area,
            "votes": votes_visible_to(request.user).filter(area=area),
            "form": form,
            "runs": runs,
        },
    )


@login_required
def vote_detail(request, pk: int):
    vote = vote_for_running(request.user, pk)
    ballots = vote.ballots.select_related("resident", "entered_by", "checked_by")
    return render(
        request,
        "budgets/vote_detail.html",
        {
            "vote": vote,
            "proposals": vote.proposals.all(),
            "proposal_form": ProposalForm(),
            "paper_ballots": [
                (ballot, _choices(vote, ballot))
                for ballot in ballots.filter(method=Ballot.Method.PAPER)
            ],
            "online_count": ballots.filter(method=Ballot.Method.ONLINE).count(),
            "imported_count": ballots.filter(method=Ballot.Method.IMPORTED).count(),
            "next_phase": _next_phase(vote),
        },
    )


def _choices(vote: BudgetVote, ballot: Ballot) -> str:
    """What a ballot chose, in the proposals' order, as the checker compares it with the paper."""
    chosen = [
        (p.title, ballot.points[str(p.pk)])
        for p in vote.proposals.all()
        if str(p.pk) in ballot.points
    ]
    if vote.ballot_type == BudgetVote.BallotType.APPROVAL:
        return "; ".join(title for title, _ in chosen)
    return "; ".join(f"{title}: {points}" for title, points in chosen)


def _next_phase(vote: BudgetVote):
    phases = list(BudgetVote.Phase)
    at = phases.index(BudgetVote.Phase(vote.phase))
    return phases[at + 1] if at + 1 < len(phases) else None


def _refuse(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def proposal_add(request, pk: int):
    vote = vote_for_running(request.user, pk)
    form = ProposalForm(request.POST)
    if apply_service(form, lambda data: services.add_proposal(request.user, vote, **data)):
        messages.success(request, _("Proposal added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(vote)


@login_required
@require_POST
def phase(request, pk: int):
    vote = vote_for_running(request.user, pk)
    try:
        vote = services.advance_phase(request.user, vote, request.POST.get("to", ""))
    except ValidationError as error:
        _refuse(request, error)
    else:
        messages.success(
            request, _("The vote is now: %(phase)s.") % {"phase": vote.get_phase_display().lower()}
        )
    return redirect(vote)


@login_required
def paper_ballot(request, pk: int):
    vote = vote_for_running(request.user, pk)
    form = PaperBallotForm(vote, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        entered = apply_service(
            form,
            lambda data: services.cast_ballot(
                request.user, vote, data["resident"], form.points(), method=Ballot.Method.PAPER
            ),
        )
        if entered is not None:
            messages.success(
                request,
                _(
                    "Paper ballot %(number)s entered. Write %(number)s on the paper: it is "
                    "checked by that number, and counts once someone else has checked it."
                )
                % {"number": entered.pk},
            )
            return redirect(vote)
    return render(request, "budgets/paper_ballot.html", {"vote": vote, "form": form})


@login_required
@require_POST
def check_ballot(request, pk: int, ballot_id: int):
    vote = vote_for_running(request.user, pk)
    ballot = get_object_or_404(vote.ballots, pk=ballot_id)
    try:
        services.check_paper_ballot(request.user, ballot)
    except ValidationError as error:
        _refuse(request, error)
    else:
        messages.success(request, _("Paper ballot checked; it now counts."))
    return redirect(vote)


@login_required
def ballot(request, pk: int):
    """A member's own ballot: one tick box (or number) per proposal, nothing else on the page."""
    vote = vote_for_viewing(request.user, pk)
    resident = resident_voting_as(request.user, vote)
    voted = resident is not None and vote.ballots.filter(resident=resident).exists()
    may_vote = vote.phase == BudgetVote.Phase.VOTING and resident is not None
    open_to_them = may_vote and not voted
    form = BallotForm(vote, request.POST if request.method == "POST" else None)
    # A page opened before the resident voted can still be sent: the service refuses it and
    # the page says why.
    if request.method == "POST" and may_vote:
        cast = apply_service(
            form, lambda data: services.cast_ballot(request.user, vote, resident, form.points())
        )
        if cast is not None:
            messages.success(request, _("Thank you: your vote has been recorded."))
            return redirect("budgets:ballot", pk=vote.pk)
    return render(
        request,
        "budgets/ballot.html",
        {
            "vote": vote,
            "form": form,
            "open_to_them": open_to_them,
            "voted": voted,
            "resident": resident,
            "results_ready": may_read_results(request.user, vote),
        },
    )


@login_required
def results(request, pk: int):
    vote = vote_for_viewing(request.user, pk)
    if not may_read_results(request.user, vote):
        raise Http404(_("The results of this vote are not published yet."))
    outcome = counting.count_vote(vote)
    funded = [r for r in outcome.projects if r.selected]
    payments = (
        panels.voters_sentence(outcome.payments, outcome.currency)
        if outcome.payments is not None and outcome.payments.voter_ids
        else ""
    )
    return render(
        request,
        "budgets/results.html",
        {
            "vote": vote,
            "outcome": outcome,
            "spent": money(outcome.spent),
            "funded": [_row(r) for r in sorted(funded, key=lambda r: r.funded_in or 0)],
            "not_funded": [_row(r) for r in outcome.projects if not r.selected],
            "payments": payments,
            "can_run": can_edit_area(request.user, vote.area),
        },
    )


def _row(result: panels.ProjectResult) -> tuple[panels.ProjectResult, str, str]:
    """A proposal's result with its cost and votes as a person reads them."""
    return result, money(result.cost), panels.vote_count(result.votes)


@login_required
def export(request, pk: int):
    vote = vote_for_running(request.user, pk)
    response = HttpResponse(
        counting.export_pb(request.user, vote), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = (  # untranslated: an HTTP header
        f'attachment; filename="budget-vote-{vote.pk}.pb"'
    )
    return response


@login_required
def import_file(request, area_id: int):
    area = area_for_editing(request.user, area_id)
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = decode_text(upload.read(), name=upload.name).text
            vote = counting.import_pb(
                request.user,
                area,
                text,
                filename=upload.name,
                counting_rule=form.cleaned_data["counting_rule"],
            )
        except panels.PbFileError as error:
            # The core's sentence, with the line and section it names.
            form.add_error("file", str(error))
        except InputError as error:
            form.add_error(
                "file", _("%(file)s: %(problem)s") % {"file": upload.name, "problem": error.message}
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Imported %(proposals)s proposals and %(ballots)s ballots. The vote is "
                    "closed; publish it to show members the results."
                )
                % {
                    "proposals": number(vote.proposals.count()),
                    "ballots": number(vote.ballots.count()),
                },
            )
            return redirect(vote)
    return render(request, "budgets/import.html", {"area": area, "form": form})
