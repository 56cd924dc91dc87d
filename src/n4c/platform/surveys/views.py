"""Survey pages. Members see their area's waves and answer each once (the only two pages of this
app open to them, see :data:`n4c.platform.areas.access.MEMBER_READS`); staff set up waves,
enter paper responses, freeze comparison wards and read the learning pages and open data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.errors import InputError, N4CError
from n4c.evaluate.surveys import MIN_RESPONSES, load_questionnaire
from n4c.platform.areas.access import area_for_editing, area_for_viewing, can_edit_area
from n4c.platform.core.forms import add_service_error, apply_service
from n4c.platform.surveys import services
from n4c.platform.surveys.access import (
    require_staff,
    resident_answering_as,
    wave_for_running,
    wave_for_viewing,
    waves_visible_to,
)
from n4c.platform.surveys.forms import FreezeForm, ResponseForm, SiteForm, WaveForm, WeightsForm
from n4c.platform.surveys.models import Response, Site
from n4c.platform.surveys.results import (
    OPEN_DATA_COLUMNS,
    open_data_rows,
    results_by_outcome,
    results_for,
)
from n4c.spreadsheets import write_csv
from n4c.textfiles import decode_text
from n4c.words import number

#: What the learning pages say about the figures, besides the rule on small counts.
_CAVEATS = (
    gettext_lazy(
        "Some outcomes are about the place (belonging, trust, pulling together, satisfaction with "
        "the area) and some about the people who answered (well-being, volunteering, influence). "
        "People move in and out, so a change in a place outcome may come from who lives there now."
    ),
    gettext_lazy(
        "A difference between a supported area and its comparison wards, or between waves, is "
        "an association, not proof that the support caused it. Other things change too."
    ),
    gettext_lazy(
        "Only waves that asked the same questions (the same questionnaire version) compare fairly."
    ),
)


def caveats() -> list[str]:
    """What the learning pages say about what the figures can and cannot show."""
    return [
        _(
            "Results from fewer than %(count)s answers are not shown. Even above that, a small "
            "survey gives a wide interval: read the 95%% interval, not only the figure."
        )
        % {"count": MIN_RESPONSES},
        *(str(caveat) for caveat in _CAVEATS),
    ]


@login_required
def waves(request, area_id: int):
    """An area's survey waves: members go on to answer; staff set up waves and enter paper."""
    area = area_for_viewing(request.user, area_id)
    runs = can_edit_area(request.user, area)
    site = services.supported_site(area) if runs else None
    sites = Site.objects.filter(area=area)
    form = WaveForm(sites, request.POST if request.method == "POST" else None) if runs else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only staff who work with this area can set up a survey."))
        wave = apply_service(
            form,
            lambda data: services.add_wave(
                request.user, data["site"], **{k: v for k, v in data.items() if k != "site"}
            ),
        )
        if wave is not None:
            messages.success(request, _("Survey wave set up: %(wave)s.") % {"wave": wave})
            return redirect("surveys:waves", area_id=area.pk)
    shown = waves_visible_to(request.user).filter(site__area=area)
    today = timezone.localdate()
    resident_waves = []
    if not runs:
        for wave in shown:
            resident = resident_answering_as(request.user, wave)
            answered = resident is not None and wave.responses.filter(resident=resident).exists()
            resident_waves.append((wave, wave.is_open_on(today), answered))
    return render(
        request,
        "surveys/waves.html",
        {
            "area": area,
            "runs": runs,
            "site": site,
            "waves": shown,
            "resident_waves": resident_waves,
            "form": form,
        },
    )


@login_required
def respond(request, wave_id: int):
    """A member's own response: the questions, the consent words and one button."""
    wave = wave_for_viewing(request.user, wave_id)
    questionnaire = load_questionnaire().in_language(get_language())
    resident = resident_answering_as(request.user, wave)
    answered = resident is not None and wave.responses.filter(resident=resident).exists()
    is_open = wave.is_open_on(timezone.localdate())
    form = ResponseForm(questionnaire, request.POST if request.method == "POST" else None)
    if request.method == "POST" and resident is not None and is_open:
        response = apply_service(
            form,
            lambda data: services.submit_response(
                request.user,
                wave,
                form.answers(),
                consented=bool(data.get("consent")),
                resident=resident,
            ),
        )
        if response is not None:
            messages.success(request, _("Thank you: your answers have been recorded."))
            return redirect("surveys:respond", wave_id=wave.pk)
    return render(
        request,
        "surveys/respond.html",
        {
            "wave": wave,
            "questionnaire": questionnaire,
            "form": form,
            "resident": resident,
            "answered": answered,
            "is_open": is_open,
        },
    )


@login_required
def paper(request, wave_id: int):
    """Staff type in a paper questionnaire; it keeps no link to any person."""
    wave = wave_for_running(request.user, wave_id)
    questionnaire = load_questionnaire()
    form = ResponseForm(
        questionnaire, request.POST if request.method == "POST" else None, paper=True
    )
    if request.method == "POST":
        response = apply_service(
            form,
            lambda data: services.submit_response(
                request.user,
                wave,
                form.answers(),
                consented=bool(data.get("consent")),
                method=Response.Method.PAPER,
            ),
        )
        if response is not None:
            messages.success(
                request,
                _("Paper response entered. Write its number on the paper: %(number)s.")
                % {"number": response.response_id},
            )
            return redirect("surveys:paper", wave_id=wave.pk)
    return render(
        request,
        "surveys/respond.html",
        {
            "wave": wave,
            "questionnaire": questionnaire,
            "form": form,
            "paper": True,
            "is_open": True,
            "entered": wave.responses.count(),
        },
    )


@login_required
def weights(request, wave_id: int):
    """Staff give each response of a wave its survey weight from a CSV file."""
    wave = wave_for_running(request.user, wave_id)
    form = WeightsForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = decode_text(upload.read(), name=upload.name, rows=True).text
            count = services.import_weights(request.user, wave, text, name=upload.name)
        except InputError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Weights set for %(count)s response.",
                    "Weights set for %(count)s responses.",
                    count,
                )
                % {"count": number(count)},
            )
            return redirect("surveys:waves", area_id=wave.site.area_id)
    return render(request, "surveys/weights.html", {"wave": wave, "form": form})


def _learning_context(sites) -> dict:
    results = results_for(sites)
    return {
        "outcomes": results_by_outcome(results),
        "caveats": caveats(),
        "min_responses": MIN_RESPONSES,
        "questionnaire": load_questionnaire(),
    }


@login_required
def programme(request):
    """Every site's results by wave, for the Network's staff."""
    require_staff(request.user)
    sites = Site.objects.select_related("area")
    return render(
        request,
        "surveys/learning.html",
        {"sites": sites, "area": None, **_learning_context(sites)},
    )


@login_required
def area_learning(request, area_id: int):
    """One area's results by wave beside its comparison wards, with the frozen selection."""
    require_staff(request.user)
    area = area_for_viewing(request.user, area_id)
    sites = Site.objects.filter(area=area).select_related("area")
    frozen = area.frozen_comparators.first()
    return render(
        request,
        "surveys/learning.html",
        {
            "area": area,
            "sites": sites,
            "runs": can_edit_area(request.user, area),
            "frozen": frozen,
            "frozen_warnings": _comparator_warnings(frozen),
            "freeze_form": FreezeForm(),
            "site_form": SiteForm(),
            **_learning_context(sites),
        },
    )


@login_required
@require_POST
def freeze(request, area_id: int):
    area = area_for_editing(request.user, area_id)
    form = FreezeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.get("pool") or form.errors.get("k"))
        frozen = services.freeze_comparators(
            request.user, area, pool=form.cleaned_data["pool"], k=form.cleaned_data["k"]
        )
    except (ValidationError, N4CError) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Comparison wards frozen (version %(version)s).") % {"version": frozen.version},
        )
    return redirect("surveys:area", area_id=area.pk)


@login_required
@require_POST
def add_site(request, area_id: int):
    area = area_for_editing(request.user, area_id)
    form = SiteForm(request.POST)
    if apply_service(form, lambda data: services.add_site(request.user, area, **data)):
        messages.success(request, _("Comparison ward added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("surveys:area", area_id=area.pk)


@login_required
def open_data(request):
    """The totals for every site and wave as CSV: never one person's answers, small counts
    suppressed."""
    require_staff(request.user)
    area_id = request.GET.get("area")
    sites = Site.objects.select_related("area")
    if area_id and area_id.isdigit():
        sites = sites.filter(area_id=int(area_id))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    # The open data's headings (OPEN_DATA_COLUMNS) and codes stay English: programs read them.
    attachment = 'attachment; filename="survey-results.csv"'
    response["Content-Disposition"] = attachment  # untranslated: an HTTP header
    write_csv(OPEN_DATA_COLUMNS, open_data_rows(results_for(sites)), response)
    return response


def _comparator_warnings(frozen) -> list[str]:
    """The frozen comparators' warnings in the reader's language (the core's module needs
    pandas, so it is imported here, not when the platform starts)."""
    if not frozen:
        return []
    from n4c.evaluate.comparators import warnings_for

    return list(warnings_for(frozen.selection))
