"""Which posts a person held on a given day: from the gazetteer's since/until, or from the days of the articles
that name the post (HOLDS.attested)."""

from __future__ import annotations

from api.schemas.entities import PostHeld


def held_on(role: PostHeld, day: str) -> bool:
    """True when `day` (YYYY-MM-DD) falls in the post's known span: since..until (either end open, dates compared
    at their own precision), or the first..last day an article names it."""
    if role.since is not None or role.until is not None:
        after_start = role.since is None or role.since <= day[: len(role.since)]
        before_end = role.until is None or day[: len(role.until)] <= role.until
        if after_start and before_end:
            return True
    return bool(role.attested) and min(role.attested) <= day <= max(role.attested)
