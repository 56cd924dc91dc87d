"""A list page's table as a CSV or XLSX download, written by :mod:`n4c.spreadsheets`.

``export_response({"referrals": frame}, name="referrals", file_format="xlsx", formats={...})``
answers the file: every table as a sheet of the workbook, the first one alone as CSV. The view
has already applied the page's filters and its access rule, and audits the export.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from n4c.spreadsheets import write_frame_csv, write_xlsx

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "export_response"]

#: The formats a list exports, and their media types.
FORMATS: Final = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_response(
    sheets: Mapping[str, pd.DataFrame],
    *,
    name: str,
    file_format: str,
    formats: Mapping[str, str] | None = None,
) -> HttpResponse:
    """``sheets`` as ``name.xlsx`` (a frozen, filtered header row on each), or the first of
    them as ``name.csv``."""
    if file_format not in FORMATS:
        raise Http404(_("Exports are CSV or XLSX."))
    if file_format == "csv":
        text = io.StringIO()
        write_frame_csv(next(iter(sheets.values())), text)
        body: bytes = text.getvalue().encode("utf-8")
    else:
        stream = io.BytesIO()
        write_xlsx(sheets, stream, formats=formats, ready_to_read=True)
        body = stream.getvalue()
    response = HttpResponse(body, content_type=FORMATS[file_format])
    response["Content-Disposition"] = (  # untranslated: an HTTP header
        f'attachment; filename="{name}.{file_format}"'
    )
    return response
