"""Template letters of the right to bid, filled in from what is known, with gaps clearly marked.

:func:`nomination_letter` asks the council to list land as an asset of community value with
the contents SI 2012/2421 reg 6 requires; :func:`request_to_bid_letter` is the written request
to be treated as a potential bidder (Localism Act 2011 s.95(3)(b)). Anything not known is a
placeholder in square brackets beginning ``[TO ADD:``, so nobody sends a letter with a gap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from n4c.errors import InputError
from n4c.rights.deadlines import Deadline, default_rulebook
from n4c.rights.journey import long_date
from n4c.rights.nominations import check_nominator

__all__ = [
    "PLACEHOLDER_START",
    "LetterDetails",
    "nomination_letter",
    "nomination_template",
    "placeholder",
    "request_to_bid_letter",
]

PLACEHOLDER_START = "[TO ADD: "

#: How a letter names each of ``BODIES_THAT_MAY_NOMINATE`` ("Our group is a charity."); a test
#: keeps the keys the same as that list.
_BODY_WORDS = {
    "parish-council": "a parish council",
    "neighbourhood-forum": "a neighbourhood forum",
    "unincorporated-body": "an unincorporated body",
    "charity": "a charity",
    "company-limited-by-guarantee": "a company limited by guarantee that does not distribute any surplus to its members",
    "community-benefit-society": "a community benefit society",
    "community-interest-company": "a community interest company",
}


def placeholder(what: str) -> str:
    """The mark for a gap the sender must fill: ``[TO ADD: the owner's name]``."""
    return f"{PLACEHOLDER_START}{what}]"


@dataclass(frozen=True)
class LetterDetails:
    """What is known about the land and the group; every field may be empty."""

    asset_name: str = ""
    address: str = ""
    description: str = ""
    boundaries: str = ""
    owners: str = ""
    occupants: str = ""
    reasons: str = ""
    nominator_name: str = ""
    nominator_body: str = ""
    registered_members: int | None = None
    local_connection: str = ""
    contact: str = ""
    council: str = ""


def _or(value: str, what: str) -> str:
    return value.strip() or placeholder(what)


def _eligibility(details: LetterDetails, on: dt.date | None) -> str:
    name = _or(details.nominator_name, "the name of your group")
    body = details.nominator_body
    if body not in _BODY_WORDS:
        return (
            f"{name} is {placeholder('the kind of body: parish council, neighbourhood forum, unincorporated body with at least 21 members on the local electoral register, charity, company limited by guarantee, community benefit society or community interest company')}. "
            f"{placeholder('evidence, such as your constitution and a list of members registered to vote locally')}"
        )
    try:
        rule = check_nominator(
            body,
            on=on or dt.date.today(),
            rulebook=default_rulebook(),
            registered_members=details.registered_members,
        )
        met = f" {rule.reason.rstrip('.')} ({rule.citation})." if rule.eligible else ""
    except InputError:
        met = ""
    members = ""
    if body == "unincorporated-body":
        count = (
            str(details.registered_members)
            if details.registered_members is not None
            else placeholder("how many")
        )
        members = (
            f" It has {count} members who are registered to vote in the council's area or a "
            "neighbouring council's area; a list of their names and addresses is attached."
        )
    connection = _or(
        details.local_connection,
        "how the group is connected to the area, e.g. its activities are wholly or partly here",
    )
    return (
        f"{name} is {_BODY_WORDS[body]}.{members}{met} Our local connection: {connection} "
        f"{placeholder('attach your constitution or rules, showing that any surplus is not distributed to members but used in the area')}"
    )


def _dated(on: dt.date | None) -> str:
    return long_date(on) if on is not None else placeholder("the date")


def nomination_letter(details: LetterDetails, *, on: dt.date | None) -> str:
    """A community nomination with the four things SI 2012/2421 reg 6 requires.

    >>> import datetime as dt
    >>> text = nomination_letter(LetterDetails(asset_name="The Red Lion"), on=dt.date(2026, 3, 1))
    >>> "The Red Lion" in text and "[TO ADD: the owner's name" in text
    True
    """
    asset = _or(details.asset_name, "the name of the building or land")
    opening = (
        "We nominate the land described below for inclusion in the council's list of assets of "
        "community value, under section 89 of the Localism Act 2011 and regulation 6 of the "
        "Assets of Community Value (England) Regulations 2012."
    )
    closing = (
        "Please tell us your decision within eight weeks of receiving this nomination, as "
        "regulation 7 requires, and tell us if you need anything else."
    )
    return f"""{_or(details.contact, "your name, address and e-mail")}

{_dated(on)}

To: {_or(details.council, "the council's assets of community value officer")}

Community nomination: {asset}

{opening}

1. Description of the land
{asset}, {_or(details.address, "the address and postcode")}.
{_or(details.description, "what the building or land is and what it is used for")}

2. Its proposed boundaries
{_or(details.boundaries, "the boundaries, e.g. the building, its car park and garden; attach a plan with the boundary marked in red")}

3. Occupants and owners, as far as we know them
Current occupants: {_or(details.occupants, "the names of the current occupants, or 'not known'")}
Freeholders and leaseholders, with their current or last-known addresses:
{_or(details.owners, "the owner's name and address, or 'not known'; the Land Registry title register may help")}

4. Why we think it is of community value
{_or(details.reasons, "how its main use now (or in the recent past) furthers the social wellbeing or social interests of the local community, and how it could do so in the next five years")}

5. Why we may nominate
{_eligibility(details, on)}

{closing}

Yours faithfully,

{_or(details.nominator_name, "the name of your group")}
"""


def request_to_bid_letter(
    details: LetterDetails, *, deadline: Deadline | None, on: dt.date | None
) -> str:
    """The written request to be treated as a potential bidder, dated by the engine's deadline.

    ``deadline`` is the case's ``acv.request-to-bid`` date, or None before the owner's notice.
    """
    asset = _or(details.asset_name, "the name of the building or land")
    if deadline is not None:
        notice = long_date(deadline.trigger_date)
        last_day = (
            f"The interim moratorium ends on {long_date(deadline.date)} ({deadline.citation}); "
            "this request is made before then."
        )
    else:
        notice = placeholder("the date the council received the owner's notice")
        last_day = placeholder(
            "check that the council receives this within six weeks of the owner's notice"
        )
    group = _or(details.nominator_name, "the name of your group")
    listed = (
        f"{asset}, {_or(details.address, 'the address and postcode')}, is on the council's list "
        "of assets of community value. The council received the owner's notice of intention to "
        f"dispose of it on {notice}."
    )
    request = (
        f"{group}, a community interest group, asks in writing to be treated as a potential "
        f"bidder for the asset, under section 95(3)(b) of the Localism Act 2011. {last_day}"
    )
    return f"""{_or(details.contact, "your name, address and e-mail")}

{_dated(on)}

To: {_or(details.council, "the council's assets of community value officer")}

Request to be treated as a potential bidder: {asset}

{listed}

{request}

Please pass this request to the owner and confirm that the full moratorium applies.

{_eligibility(details, on)}

Yours faithfully,

{_or(details.nominator_name, "the name of your group")}
"""


def nomination_template() -> str:
    """The nomination letter with every gap marked, and a few lines on using it (a resource)."""
    return (
        "Use this letter to ask the council to list a building or land as an asset of community "
        "value. Send it to the council for the area where the land is. The council must decide "
        "within eight weeks (SI 2012/2421 reg 7). Replace every part in square brackets that "
        'begins "TO ADD", attach a plan of the boundaries and the evidence that your group may '
        "nominate, and keep a copy with the date you sent it.\n\n"
        "Who may nominate: a parish council, a neighbourhood forum, or a local group that does "
        "not distribute any surplus to its members: an unincorporated body with at least 21 "
        "members on the electoral register of the council (or a neighbouring council), a charity, "
        "a company limited by guarantee, a community benefit society or a community interest "
        "company (Localism Act 2011 s.89; SI 2012/2421 regs 4 and 5). An individual cannot.\n\n"
        "----------------------------------------------------------------------\n\n"
        + nomination_letter(LetterDetails(), on=None)
    )
