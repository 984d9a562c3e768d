"""Deterministic keys for meetings, articles and write locks, and the writer's identity decision.

The writer locks the date windows of a batch, reads the meetings of those windows, and `assign_meetings` decides
with the named rules of `core/identity.py` which meeting each incoming report belongs to; the Cypher then only
MERGEs by that id (`queries/write/merge_meetings.cypher`). This module also gives the key a *new* meeting is
created with, and the lock keys that serialise concurrent writers which could otherwise both create one meeting.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from core.dates import precision_of
from core.identity import MeetingFacts, best_match, window
from core.text import fold
from ingest.models import Extraction, Meeting

UNDATED_LOCK = "meeting:undated"
# Fingerprints of evidence shorter than this are too generic to call two articles copies of each other.
MIN_FINGERPRINT_CHARS = 60


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def meeting_precision(meeting: Meeting) -> str | None:
    """The precision of the meeting's date, inferred from its length when the extractor left it out."""
    if meeting.date is None:
        return None
    return precision_of(meeting.date, meeting.date_precision)


def meeting_key(meeting: Meeting) -> str:
    """Id of a meeting the graph does not hold yet: stable hash of date, type (undated only), people and states.

    Undated meetings are never matched by similarity, so for them the key alone decides identity; the type is
    part of it so that an undated phone call and an undated visit of the same people stay apart.
    """
    date = meeting.date or f"undated/{meeting.type}"
    return "m-" + _digest(date, ",".join(sorted(set(meeting.participants))), ",".join(sorted(set(meeting.states))))[:20]


def meeting_lock(meeting: Meeting) -> str:
    """Lock key shared by every meeting this one could be matched with (same month, or same year for years)."""
    if meeting.date is None:
        return UNDATED_LOCK
    if meeting_precision(meeting) == "year":
        return f"meeting:{meeting.date[:4]}"
    return f"meeting:{meeting.date[:7]}"


def article_id(extraction: Extraction) -> str:
    """Article key: hash of the URL, else of the cleaned text, else of the document id."""
    if extraction.url:
        return "a-" + _digest("url", extraction.url.strip())[:20]
    if extraction.text_sha1:
        return "a-" + _digest("text", extraction.text_sha1)[:20]
    return "a-" + _digest("doc", extraction.id)[:20]


_QUOTES = re.compile(r"[«»\"“”]")


def evidence_fingerprint(extraction: Extraction) -> str | None:
    """Hash of the article's normalised evidence sentences: equal for copies of one text under other outlets.

    None when the article reports no meeting or its evidence is too short to tell a copy from a coincidence.
    """
    sentences = sorted({" ".join(fold(_QUOTES.sub(" ", m.evidence)).split()) for m in extraction.meetings})
    if sum(len(s) for s in sentences) < MIN_FINGERPRINT_CHARS:
        return None
    return _digest(*sentences)


def article_locks(extraction: Extraction) -> list[str]:
    """Lock keys that make repost detection safe when two copies of a text are written at the same time."""
    keys = []
    if extraction.text_sha1:
        keys.append(f"text:{extraction.text_sha1}")
    fingerprint = evidence_fingerprint(extraction)
    if fingerprint is not None:
        keys.append(f"evidence:{fingerprint}")
    return keys


def meeting_windows(rows: Iterable[dict[str, Any]]) -> list[str]:
    """The date windows (months, or years) whose meetings the rows of a batch could join, sorted."""
    return sorted({w for row in rows if (w := window(row["date"])) is not None})


def candidate_facts(records: Iterable[Mapping[str, Any]]) -> list[MeetingFacts]:
    """The rows of `queries/identity/find_meeting_candidates.cypher` as the facts identity compares."""
    return [
        MeetingFacts(
            id=r["id"],
            date=r["date"],
            precision=r["precision"],
            participants=frozenset(r["participants"]),
            states=frozenset(r["states"]),
        )
        for r in records
    ]


def candidate_filter(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The parameters of identity/find_meeting_candidates: the meetings some row could join by the rules of
    `core/identity.py`, plus meetings whose id is a row's key, inside the rows' windows (as `assign_meetings` checks
    the keys). Neither whole months nor every meeting of a matching date: the month of a month-precision report
    holds more meetings the denser the graph, and only few of them can be its meeting.

    By date, only meetings `core.identity.dates_compatible` could accept for some row: `dates`, a year row's own
    date and the month of every finer row (a month report joins a day inside it); `prefixes`, every finer row's own
    date (its equal, and for a month the days inside it). Each comes with `people` and `bare` of the rows of its
    window: every rule needs a person the candidate shares with the row (`same_states_shared_person`,
    `same_people_nested_states`), or nobody named on either side and the same two or more states
    (`same_states_nobody_named`: `bare` lists the sorted states of the rows that name nobody). A meeting is only
    ever joined first on what the graph holds of it (it absorbs a row only once joined), so a meeting no row of its
    window can match that way is never chosen, and leaving it out changes no decision
    (tests/test_identity_candidates.py compares the decisions with those over every meeting of the windows).
    """
    people: dict[str, set[str]] = {}
    bare: dict[str, set[tuple[str, ...]]] = {}
    for row in rows:
        w = window(row["date"])
        if w is None:
            continue
        people.setdefault(w, set()).update(row["participants"])
        states = tuple(sorted(set(row["states"])))
        if not row["participants"] and len(states) > 1:
            bare.setdefault(w, set()).add(states)
    dates, prefixes = set(), set()
    for row in rows:
        date = row["date"]
        if date is None:
            continue
        if row["precision"] == "year" or len(date) < 7:
            dates.add(date)
        else:
            dates.add(date[:7])
            prefixes.add(date)

    def entries(values: set[str]) -> list[dict[str, Any]]:
        return [
            {
                "value": v,
                "people": sorted(people.get(window(v) or "", ())),
                "bare": [list(s) for s in sorted(bare.get(window(v) or "", ()))],
            }
            for v in sorted(values)
        ]

    return {
        "dates": entries(dates),
        "prefixes": entries(prefixes),
        "keys": sorted({row["key"] for row in rows}),
        "windows": meeting_windows(rows),
    }


def assign_meetings(
    rows: Sequence[dict[str, Any]], candidates: Iterable[MeetingFacts], reposts: set[str]
) -> list[dict[str, Any]]:
    """The rows to write, each with `meeting`, the id of the meeting it reports as the graph holds it now (an
    existing one, or its own key for a new one), and `id`, the id that meeting has after the write.

    A meeting's id is the smallest key of the reports it was built from, so it does not depend on the order in
    which they arrived (re-ingesting a report changes nothing: its key is never smaller than the id it joined).
    Rows are decided in their order, each seeing the meetings the rows before it created, joined or renamed,
    exactly as the writes will happen; rows of repost articles are left out (their meetings are not written again).
    """
    known = {c.id: c for c in candidates}
    # The same meetings by window: `best_match` only accepts those of the row's window, so each row looks at its own
    # month (or year) instead of the whole batch's candidates (rows x candidates grew with the graph's density).
    by_window: dict[str | None, dict[str, MeetingFacts]] = {}
    for c in known.values():
        by_window.setdefault(window(c.date), {})[c.id] = c
    out = []
    for row in rows:
        if row["article"] in reposts:
            continue
        report = MeetingFacts(
            id=row["key"],
            date=row["date"],
            precision=row["precision"],
            participants=frozenset(row["participants"]),
            states=frozenset(row["states"]),
        )
        match = best_match(report, by_window.get(window(report.date), {}).values())
        meeting = match.meeting.id if match is not None else row["key"]
        final = meeting
        if meeting in known:
            facts = known[meeting]
            del by_window[window(facts.date)][meeting]
            facts.absorb(report)
            if row["key"] < meeting and row["key"] not in known:
                final = facts.id = row["key"]
                known[final] = known.pop(meeting)
        else:
            facts = known[meeting] = report
        by_window.setdefault(window(facts.date), {})[facts.id] = facts
        out.append({**row, "meeting": meeting, "id": final})
    return out
