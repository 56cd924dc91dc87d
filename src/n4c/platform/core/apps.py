from decimal import Decimal

from django.apps import AppConfig
from django.utils import formats
from django.utils.translation import gettext, gettext_lazy, ngettext

from n4c import words


def _number(value: float, decimals: int | None) -> str:
    # Rounded as English is (Django would cut a float's places off, not round them).
    shown = value if decimals is None else Decimal(f"{value:.{decimals}f}")
    return formats.number_format(shown, decimals, use_l10n=True, force_grouping=True)


class CoreConfig(AppConfig):
    """What every app shares; at start-up, the analytics core learns to speak the page's language."""

    name = "n4c.platform.core"
    verbose_name = gettext_lazy("Shared parts")

    def ready(self) -> None:
        words.use(gettext, ngettext, _number)
