"""Changes made at the same moment: a uniqueness rule broken by a race becomes a plain refusal.

A service checks its rule first ("this case already has a notice") and refuses with its own
message. Two requests at the same moment can both pass that check; the database's unique
constraint then stops the second, as an ``IntegrityError``. :func:`unique_or` runs the write in a
transaction of its own (a savepoint inside the service's), and turns that error from the one rule
named into the service's own refusal, so the person sees the same sentence as when the requests
came one after the other, on the page's form (:func:`~n4c.platform.core.forms.apply_service`) or
from the API. A rule with no sentence of its own ("another adviser was named at the same moment")
raises :class:`ConflictError`, which the API answers 409.

Any other ``IntegrityError`` is a fault, not a race, and goes on up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

__all__ = ["SAME_MOMENT", "ConflictError", "breaks_unique_rule", "unique_or"]

#: Marked for translation; a refusal translates it when raised.
SAME_MOMENT = gettext_noop("Someone else changed this at the same moment. Reload it and try again.")


class ConflictError(ValidationError):
    """Refused because a change made at the same moment got there first; the API answers 409."""

    def __init__(self, message: object = None, code: str = "conflict") -> None:
        super().__init__(_(SAME_MOMENT) if message is None else message, code=code)


@contextmanager
def unique_or(
    model: type[models.Model], fields: Sequence[str], error: Exception | None = None
) -> Iterator[None]:
    """Run the block in a transaction; when it breaks ``model``'s uniqueness rule on ``fields``,
    raise ``error`` (by default a :class:`ConflictError`) instead of the ``IntegrityError``.

    The transaction is rolled back to its start, so the service's own transaction around it can
    still be used or rolled back as a whole.
    """
    try:
        with transaction.atomic():
            yield
    except IntegrityError as integrity:
        if not breaks_unique_rule(integrity, model, fields):
            raise
        raise (error or ConflictError()) from integrity


def _columns(model: type[models.Model], fields: Sequence[str]) -> frozenset[str]:
    return frozenset(model._meta.get_field(name).column for name in fields)  # type: ignore[union-attr]


def breaks_unique_rule(
    error: IntegrityError, model: type[models.Model], fields: Sequence[str]
) -> bool:
    """True when ``error`` is ``model``'s unique constraint (or ``unique=True`` field) on exactly
    ``fields`` refusing a row, as PostgreSQL and SQLite each report it."""
    table = model._meta.db_table
    columns = _columns(model, fields)
    names = {
        constraint.name
        for constraint in model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint)
        and _columns(model, constraint.fields) == columns
    }
    cause = error.__cause__
    diag = getattr(cause, "diag", None)
    if diag is not None:
        # PostgreSQL names the constraint, and its detail the key: 'Key (plan_id, item)=(…)'.
        if diag.table_name != table:
            return False
        if diag.constraint_name in names:
            return True
        detail = diag.message_detail or ""
        key = re.match(r"Key \((.+?)\)=", detail)  # untranslated: PostgreSQL's words
        return key is not None and _column_names(key[1]) == columns
    # SQLite: 'UNIQUE constraint failed: plans_yearzerocheck.plan_id, plans_yearzerocheck.item',
    # or for a partial index, "UNIQUE constraint failed: index 'one_current_…'".
    text = str(cause or error)
    index = re.search(r"UNIQUE constraint failed: index '([^']+)'", text)
    if index is not None:
        return index[1] in names
    failed = re.search(r"UNIQUE constraint failed: (.+)", text)
    if failed is None:
        return False
    pairs = [part.strip().rsplit(".", 1) for part in failed[1].split(",")]
    return all(len(p) == 2 and p[0] == table for p in pairs) and (
        frozenset(p[1] for p in pairs) == columns
    )


def _column_names(listed: str) -> frozenset[str]:
    return frozenset(name.strip().strip('"') for name in listed.split(","))
