"""Peer suggestions: which areas an area could learn from, and why, in plain English.

Pure Python apart from Django's translations (the reasons are in the reader's language), so the
scoring is tested on its own and the views only gather profiles. Domain names are kept in
English (marked with ``gettext_noop`` where they are made) and translated here, as the reason is
written. Three reasons make a good peer, as the research note on peer matching says: a
similar needs profile (nearest neighbours on IMD and CNI domains), shared plan priorities,
and being nearby (same council area or same region).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext

__all__ = ["AreaProfile", "PeerSuggestion", "PeerWeights", "needs_similarity", "suggest_peers"]


@dataclass(frozen=True)
class AreaProfile:
    """What peer matching knows about an area.

    ``domains`` maps a domain name ("Income", "Connectedness"…) to a need score between 0
    and 1, higher meaning more need (for example 1 − rank / number of areas).
    """

    key: int | str
    name: str
    region: str = ""
    local_authority: str = ""
    domains: Mapping[str, float] = field(default_factory=dict)
    priorities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PeerWeights:
    """How much each reason counts; the three need not add up to 1."""

    needs: float = 0.5
    priorities: float = 0.3
    nearby: float = 0.2


@dataclass(frozen=True)
class PeerSuggestion:
    """A suggested peer, its score between 0 and 1 and the reason in a sentence or two."""

    area: AreaProfile
    score: float
    needs_similarity: float | None
    shared_priorities: tuple[str, ...]
    nearby: str
    reason: str


def needs_similarity(
    first: Mapping[str, float], second: Mapping[str, float]
) -> tuple[float, list[str]] | None:
    """How alike two needs profiles are (1 is identical) and their domains, closest first.

    One minus the root mean square difference over the domains both areas have; ``None``
    when they share no domain.

    Examples
    --------
    >>> similarity, closest = needs_similarity({"Income": 0.9, "Health": 0.5}, {"Income": 0.8, "Health": 0.5})
    >>> round(similarity, 3), closest
    (0.929, ['Health', 'Income'])
    >>> needs_similarity({"Income": 0.9}, {"Health": 0.1}) is None
    True
    """
    shared = sorted(set(first) & set(second))
    if not shared:
        return None
    gaps = {domain: abs(first[domain] - second[domain]) for domain in shared}
    rms = math.sqrt(sum(gap * gap for gap in gaps.values()) / len(shared))
    closest = sorted(shared, key=lambda domain: (gaps[domain], domain))
    return max(0.0, 1.0 - rms), closest


def _list_in_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return gettext("%(items)s and %(last)s") % {
        "items": gettext(", ").join(items[:-1]),
        "last": items[-1],
    }


def _nearby(area: AreaProfile, other: AreaProfile) -> tuple[float, str]:
    if area.local_authority and area.local_authority == other.local_authority:
        return 1.0, gettext("It is in the same council area (%(council)s).") % {
            "council": other.local_authority
        }
    if area.region and area.region == other.region:
        return 0.5, gettext("It is in the same region (%(region)s).") % {"region": other.region}
    return 0.0, ""


def _reason(similarity: float | None, closest: list[str], shared: list[str], nearby: str) -> str:
    parts = []
    if similarity is not None and similarity >= 0.5:
        words = {
            "percent": round(similarity * 100),
            "domains": _list_in_words([gettext(domain) for domain in closest[:2]]),
        }
        if similarity >= 0.85:
            sentence = gettext(
                "Its needs are very like yours (%(percent)s%% alike), closest on %(domains)s."
            )
        else:
            sentence = gettext(
                "Its needs are like yours (%(percent)s%% alike), closest on %(domains)s."
            )
        parts.append(sentence % words)
    if shared:
        quoted = [gettext("“%(priority)s”") % {"priority": p} for p in shared]
        parts.append(
            ngettext(
                "You share %(count)s plan priority: %(priorities)s.",
                "You share %(count)s plan priorities: %(priorities)s.",
                len(shared),
            )
            % {"count": len(shared), "priorities": _list_in_words(quoted)}
        )
    if nearby:
        parts.append(nearby)
    return " ".join(parts)


def suggest_peers(
    area: AreaProfile,
    candidates: Iterable[AreaProfile],
    *,
    limit: int = 5,
    weights: PeerWeights | None = None,
    exclude: Iterable[int | str] = (),
) -> list[PeerSuggestion]:
    """The best peers for ``area`` among ``candidates``, each with its reason.

    Parameters
    ----------
    area
        The area looking for peers.
    candidates
        Other areas; ``area`` itself and keys in ``exclude`` (existing peer links) are skipped.
    limit
        How many suggestions at most.
    weights
        How much similar needs, shared priorities and being nearby count.
    exclude
        Keys of areas not to suggest.

    Returns
    -------
    list of PeerSuggestion
        Best first (ties by name); candidates with no reason at all are left out.

    Examples
    --------
    >>> home = AreaProfile(1, "Northmoor", "North West", "Oldham", {"Income": 0.9}, frozenset({"Housing"}))
    >>> near = AreaProfile(2, "Eastfield", "North West", "Bolton", {"Income": 0.88}, frozenset({"Housing"}))
    >>> far = AreaProfile(3, "Seaview", "South East", "Thanet", {"Income": 0.2})
    >>> [s.area.name for s in suggest_peers(home, [far, near])]  # Seaview shares nothing
    ['Eastfield']
    >>> suggest_peers(home, [near])[0].reason
    'Its needs are very like yours (98% alike), closest on Income. You share 1 plan priority: “Housing”. It is in the same region (North West).'
    """
    weights = weights or PeerWeights()
    skip = {area.key, *exclude}
    total_weight = weights.needs + weights.priorities + weights.nearby or 1.0
    suggestions = []
    for other in candidates:
        if other.key in skip:
            continue
        alike = needs_similarity(area.domains, other.domains)
        similarity, closest = alike if alike is not None else (None, [])
        shared = sorted(area.priorities & other.priorities)
        union = area.priorities | other.priorities
        overlap = len(shared) / len(union) if union else 0.0
        nearness, nearby = _nearby(area, other)
        reason = _reason(similarity, closest, shared, nearby)
        if not reason:
            continue
        score = (
            weights.needs * (similarity or 0.0)
            + weights.priorities * overlap
            + weights.nearby * nearness
        ) / total_weight
        suggestions.append(
            PeerSuggestion(
                area=other,
                score=score,
                needs_similarity=similarity,
                shared_priorities=tuple(shared),
                nearby=nearby,
                reason=reason,
            )
        )
    suggestions.sort(key=lambda s: (-s.score, s.area.name))
    return suggestions[:limit]
