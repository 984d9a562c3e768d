"""Store, list, export/import and apply judgements (`graph/judgements.py`).

Judgements are :Judgement nodes in the graph they correct, so recording one and applying it is one transaction,
and the writer applies them in its own write transaction (`apply_judgements`, called from graph/trust.py) to the
meetings and people it touched: a re-ingest or a new report never undoes them. `export_judgements` /
`import_judgements` carry them to a rebuilt graph as one JSON file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import neo4j

from core.dates import day_span
from core.text import slug
from graph import partner_tallies
from graph.judgements import Judgement, JudgementIn, conflict
from graph.queries import load_query

JUDGEMENTS_LOCK = "judgements"  # the write/lock key every judgement takes
_ROUNDS = 4  # merge targets and split-off meetings get their own judgements applied, a few levels deep
# Kinds that change what GET /partners counts: those that may delete the judged meeting, and the others.
_TALLY_MOVES = frozenset({"reject_meeting", "merge_meetings"})
_TALLY_CHANGES = frozenset({"set_date", "set_host", "split_meeting"})


class JudgementConflictError(Exception):
    """The new judgement contradicts stored ones (HTTP 409)."""

    def __init__(self, reasons: list[str], judgements: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.judgements = judgements


class TargetNotFoundError(LookupError):
    """A meeting, person or article the judgement names is not in the graph (HTTP 404)."""


def _records(tx: neo4j.ManagedTransaction, name: str, **params: Any) -> list[neo4j.Record]:
    return list(tx.run(load_query(name), params))


def record(driver: neo4j.Driver, database: str, data: JudgementIn, *, check_targets: bool = True) -> Judgement:
    """Check, store and apply one judgement; raises JudgementConflictError or TargetNotFoundError."""
    judgement = Judgement.new(data)
    with driver.session(database=database) as session:
        return session.execute_write(_record, judgement, check_targets)


def store(driver: neo4j.Driver, database: str, judgement: Judgement) -> Judgement:
    """Store and apply a judgement made elsewhere (an import): its id and time are kept, targets may be absent."""
    with driver.session(database=database) as session:
        return session.execute_write(_record, judgement, False)


def _record(tx: neo4j.ManagedTransaction, judgement: Judgement, check_targets: bool) -> Judgement:
    # One lock for all judgements (they are few and may touch any meeting); removed before the commit like the
    # writer's, so no WriteLock node outlives the transaction (a failed one rolls back with it).
    _records(tx, "write/lock", keys=[JUDGEMENTS_LOCK])
    recorded = _record_locked(tx, judgement, check_targets)
    _records(tx, "write/unlock", keys=[JUDGEMENTS_LOCK])
    return recorded


def _record_locked(tx: neo4j.ManagedTransaction, judgement: Judgement, check_targets: bool) -> Judgement:
    ids = [x for x in (judgement.meeting, judgement.person, judgement.into, judgement.other) if x]
    existing = [Judgement(**r["j"]) for r in _records(tx, "review/related", ids=ids)]
    if any(old.id == judgement.id for old in existing):
        return judgement
    clashes = [(old.id, reason) for old in existing if (reason := conflict(judgement, old))]
    if clashes:
        raise JudgementConflictError([r for _, r in clashes], [i for i, _ in clashes])
    if check_targets:
        _check_targets(tx, judgement, ids)
    _records(tx, "review/create", props=judgement.props())
    apply_one(tx, judgement)
    return judgement


def _check_targets(tx: neo4j.ManagedTransaction, judgement: Judgement, ids: list[str]) -> None:
    found = _records(tx, "review/targets", ids=ids)[0]
    meetings, people = set(found["meetings"]), set(found["people"])
    wanted_meetings = [x for x in (judgement.meeting, judgement.into) if x and judgement.kind != "merge_people"]
    wanted_people = [x for x in (judgement.person, judgement.other) if x]
    if judgement.kind == "merge_people" and judgement.into:
        wanted_people.append(judgement.into)
    missing = [f"meeting {x}" for x in wanted_meetings if x not in meetings]
    missing += [f"person {x}" for x in wanted_people if x not in people]
    if missing:
        raise TargetNotFoundError(f"not in the graph: {', '.join(missing)} (GET /meetings, /search find ids)")
    if judgement.kind == "split_meeting" and judgement.meeting:
        reports = {r["article"] for r in _records(tx, "review/reports", meeting=judgement.meeting)}
        unknown = [a for a in judgement.articles if a not in reports]
        if unknown:
            raise TargetNotFoundError(f"meeting {judgement.meeting} is not reported in {', '.join(unknown)}")
        if reports <= set(judgement.articles):
            raise TargetNotFoundError("a split must leave at least one report with the original meeting")


def list_judgements(
    driver: neo4j.Driver, database: str, meeting: str | None = None, person: str | None = None
) -> list[Judgement]:
    """Stored judgements, oldest first, optionally only those naming a meeting or a person."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        rows = session.execute_read(lambda tx: _records(tx, "review/list", meeting=meeting, person=person))
    return [Judgement(**r["j"]) for r in rows]


def withdraw(driver: neo4j.Driver, database: str, judgement_id: str) -> bool:
    """Delete a judgement (what it changed stays until the graph is rebuilt); False when there is none."""
    with driver.session(database=database) as session:
        return bool(session.execute_write(lambda tx: _records(tx, "review/withdraw", id=judgement_id)))


def export_judgements(driver: neo4j.Driver, database: str, path: Path) -> int:
    """Write every judgement to one JSON file; returns how many."""
    judgements = list_judgements(driver, database)
    payload = {"format": "malikg-judgements/1", "judgements": [j.model_dump(exclude_none=True) for j in judgements]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(judgements)


def import_judgements(driver: neo4j.Driver, database: str, path: Path) -> tuple[int, list[str]]:
    """Store and apply the judgements of an exported file (ids kept; ones already stored are skipped).

    Targets are not required to exist yet: a judgement imported into an empty graph applies when the writer
    touches its meeting or person. Returns (how many were new, reasons of the ones refused as conflicts).
    """
    payload = json.loads(path.read_text(encoding="utf-8"))
    items = payload["judgements"] if isinstance(payload, dict) else payload
    known = {j.id for j in list_judgements(driver, database)}
    added, refused = 0, []
    for item in items:
        judgement = Judgement.model_validate(item)
        if judgement.id in known:
            continue
        try:
            store(driver, database, judgement)
            added += 1
        except JudgementConflictError as exc:
            refused.append(f"{judgement.id}: {exc}")
    return added, refused


def apply_judgements(tx: neo4j.ManagedTransaction, meetings: Iterable[str], people: Iterable[str]) -> None:
    """Apply, inside the writer's transaction, every judgement on the meetings and people it just touched."""
    pending_meetings, pending_people = sorted(set(meetings)), sorted(set(people))
    for _ in range(_ROUNDS):
        if not pending_meetings and not pending_people:
            return
        rows = _records(tx, "review/relevant", meetings=pending_meetings, people=pending_people)
        following: set[str] = set()
        for row in rows:
            following |= apply_one(tx, Judgement(**row["j"]))
        for row in _records(tx, "review/match_rejected", meetings=pending_meetings):
            if row["rejected"] is not None:
                partner_tallies.forget(tx, [row["meeting"]])
                _records(tx, "review/move_meeting", **{"from": row["meeting"]}, to=row["rejected"], to_rejected=True)
                partner_tallies.refresh(tx, [row["meeting"]])
        pending_meetings, pending_people = sorted(following), []


def apply_one(tx: neo4j.ManagedTransaction, j: Judgement) -> set[str]:
    """Make the graph say what the judgement says, and GET /partners' tallies follow (graph/partner_tallies.py);
    returns meetings that received facts (to judge in turn)."""
    gone = [m for m in (j.meeting,) if m and j.kind in _TALLY_MOVES]  # may be deleted: taken out of the tallies
    partner_tallies.forget(tx, gone)
    following = _apply_one(tx, j)
    if j.kind in _TALLY_MOVES | _TALLY_CHANGES:
        partner_tallies.refresh(tx, [m for m in (j.meeting, j.into, j.split_into) if m])
    return following


def _apply_one(tx: neo4j.ManagedTransaction, j: Judgement) -> set[str]:
    kind, meeting = j.kind, j.meeting
    if kind == "reject_meeting":
        if not _records(tx, "review/reject", meeting=meeting, judgement=j.id):
            _records(tx, "review/move_meeting", **{"from": meeting}, to=meeting, to_rejected=True)
    elif kind == "set_type":
        _records(tx, "review/set_type", meeting=meeting, type=j.type)
    elif kind == "set_date":
        start_day, end_day = day_span(j.date)
        _records(
            tx,
            "review/set_date",
            meeting=meeting,
            date=j.date,
            precision=j.precision,
            start_day=start_day,
            end_day=end_day,
        )
    elif kind == "set_place" and j.place:
        _records(
            tx,
            "review/set_place",
            meeting=meeting,
            place_id=slug(j.place),
            place=j.place,
            place_state=j.place_state,
            judgement=j.id,
        )
    elif kind == "set_host":
        _records(tx, "review/set_host", meeting=meeting, state=j.state, judgement=j.id)
    elif kind == "remove_participant":
        _records(tx, "review/remove_participant", meeting=meeting, person=j.person)
    elif kind == "add_participant":
        _records(tx, "review/add_participant", meeting=meeting, person=j.person, role=j.role, judgement=j.id)
    elif kind == "merge_meetings" and j.into:
        if _records(tx, "review/move_meeting", **{"from": meeting}, to=j.into, to_rejected=False):
            return {j.into}
    elif kind == "split_meeting" and j.split_into:
        if _records(tx, "review/split_meeting", meeting=meeting, articles=j.articles, new=j.split_into):
            return {j.split_into}
    elif kind == "merge_people":
        _records(tx, "review/merge_people", **{"from": j.person}, to=j.into)
    return set()
