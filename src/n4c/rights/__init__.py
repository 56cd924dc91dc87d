"""Community rights: the asset register and the Localism Act's statutory deadlines.

Owns community asset records (CSV import and export with row-level checks), the statutory
rules as versioned TOML files that cite their source (``rights/rules/``), the calendar
arithmetic of statutory periods and the engine that turns the events of a case into dated,
cited deadlines. Pure Python: may import ``n4c.config`` and ``n4c.errors``; never allocation,
spending, rollout, the platform, Django or ninja.
"""

from n4c.rights.assets import (
    ASSET_COLUMNS,
    Asset,
    AssetImport,
    RejectedRow,
    assets_to_text,
    normalise_postcode,
    read_assets_csv,
    validate_asset,
    write_assets_csv,
    write_rejections_csv,
)
from n4c.rights.deadlines import (
    Deadline,
    case_deadlines,
    default_rulebook,
    event_deadlines,
    missing_earlier_events,
)
from n4c.rights.ical import CalendarEntry, deadlines_calendar
from n4c.rights.journey import STEP_STATUSES, Step, asset_journey, long_date
from n4c.rights.letters import (
    LetterDetails,
    nomination_letter,
    placeholder,
    request_to_bid_letter,
)
from n4c.rights.nominations import (
    BODIES_THAT_MAY_NOMINATE,
    NOMINATING_BODIES,
    Eligibility,
    check_forum,
    check_nominator,
)
from n4c.rights.periods import EVENT_YEARS, check_event_date, describe_period, period_end
from n4c.rights.rules import (
    Rule,
    RuleBook,
    Threshold,
    event_label,
    load_rule_file,
    load_rulebook,
    rule_words,
)

__all__ = [
    "ASSET_COLUMNS",
    "BODIES_THAT_MAY_NOMINATE",
    "EVENT_YEARS",
    "NOMINATING_BODIES",
    "STEP_STATUSES",
    "Asset",
    "AssetImport",
    "CalendarEntry",
    "Deadline",
    "Eligibility",
    "LetterDetails",
    "RejectedRow",
    "Rule",
    "RuleBook",
    "Step",
    "Threshold",
    "asset_journey",
    "assets_to_text",
    "case_deadlines",
    "check_event_date",
    "check_forum",
    "check_nominator",
    "deadlines_calendar",
    "default_rulebook",
    "describe_period",
    "event_deadlines",
    "event_label",
    "load_rule_file",
    "load_rulebook",
    "long_date",
    "missing_earlier_events",
    "nomination_letter",
    "normalise_postcode",
    "period_end",
    "placeholder",
    "read_assets_csv",
    "request_to_bid_letter",
    "rule_words",
    "validate_asset",
    "write_assets_csv",
    "write_rejections_csv",
]
