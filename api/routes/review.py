"""Judgements (GET/POST/DELETE /judgements, export/import), retraction (DELETE /documents/{id}), provenance
(GET /meetings/{id}/provenance, GET /documents/{id}/text) and where the graph may be silent (GET /unread). Writes
need the API key."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query

from api.auth import ApiKeyDep
from api.deps import NAME_SCHEMA, DriverDep, PageDep, PeriodDep, ReaderDep, SettingsDep
from api.errors import ApiError, NotFoundError
from api.reads import one_read_transaction
from api.resolve import resolve_entity
from api.schemas.common import ERRORS, Problem
from api.schemas.review import (
    ArticleText,
    Extracted,
    Imported,
    JudgementFile,
    JudgementList,
    Provenance,
    ProvenanceSource,
    Retracted,
    Supported,
    UnreadList,
    Withdrawn,
)
from graph import review
from graph.judgements import Judgement, JudgementIn
from graph.retraction import ArticleNotFoundError, retract

router = APIRouter(tags=["review"])

_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A body that cannot be decoded (JSON text must be UTF-8)."},
    413: {"model": Problem, "description": "Body larger than 2 MB."},
    401: {"model": Problem, "description": "Missing or wrong X-API-Key."},
    404: {"model": Problem, "description": "A meeting, person or article named is not in the graph."},
    409: {"model": Problem, "description": "Contradicts stored judgements; `conflicts` names them."},
    503: {"model": Problem, "description": "Writes disabled (no MALIKG_API_KEY) or Neo4j unreachable."},
}
_EXAMPLE = {
    "kind": "set_host",
    "meeting": "m-0123456789abcdef0123",
    "state": "RUS",
    "author": "a.traore",
    "reason": "The article says the meeting took place in Moscow, at the Russian ministry.",
}


class ConflictError(ApiError):
    status_code = 409


@router.get("/judgements", response_model=JudgementList, responses=ERRORS, summary="Researchers' judgements")
def list_judgements(
    driver: DriverDep,
    settings: SettingsDep,
    meeting: Annotated[str | None, Query(max_length=200, description="only those naming this meeting")] = None,
    person: Annotated[str | None, Query(max_length=200, description="only those naming this person")] = None,
) -> JudgementList:
    """Every judgement (who, when, why, what), oldest first."""
    return JudgementList(judgements=review.list_judgements(driver, settings.neo4j_database, meeting, person))


@router.get("/judgements/export", response_model=JudgementFile, responses=ERRORS, summary="All judgements, as a file")
def export_judgements(driver: DriverDep, settings: SettingsDep) -> JudgementFile:
    """The file `POST /judgements/import` and `malikg review import` read back into a rebuilt graph."""
    return JudgementFile(judgements=review.list_judgements(driver, settings.neo4j_database))


@router.post(
    "/judgements", response_model=Judgement, status_code=201, responses=_WRITE_ERRORS, summary="Record a judgement"
)
def post_judgement(
    _: ApiKeyDep,
    driver: DriverDep,
    settings: SettingsDep,
    judgement: Annotated[JudgementIn, Body(openapi_examples={"host": {"summary": "Fix a host", "value": _EXAMPLE}})],
) -> Judgement:
    """Record a judgement and apply it now; the writer applies it again after every later ingest.

    The schema says which fields each `kind` needs; a merge of a meeting or a person into itself, or a person
    distinct from themself, is refused too (422)."""
    try:
        return review.record(driver, settings.neo4j_database, judgement)
    except review.JudgementConflictError as exc:
        raise ConflictError(f"Refused: {exc}", conflicts=exc.judgements) from None
    except review.TargetNotFoundError as exc:
        raise NotFoundError(str(exc)) from None


@router.delete("/judgements/{id}", response_model=Withdrawn, responses=_WRITE_ERRORS, summary="Withdraw a judgement")
def delete_judgement(
    _: ApiKeyDep, driver: DriverDep, settings: SettingsDep, id: Annotated[str, Path(max_length=200)]
) -> Withdrawn:
    """Delete a judgement (what it changed stays until the graph is rebuilt)."""
    if not review.withdraw(driver, settings.neo4j_database, id):
        raise NotFoundError(f"No judgement with id '{id}'; list them with GET /judgements.")
    return Withdrawn(withdrawn=id)


@router.post("/judgements/import", response_model=Imported, responses=_WRITE_ERRORS, summary="Import judgements")
def import_judgements(_: ApiKeyDep, driver: DriverDep, settings: SettingsDep, body: JudgementFile) -> Imported:
    """Store and apply an exported file's judgements (ones already stored are skipped, contradictions refused)."""
    added, refused = 0, []
    known = {j.id for j in review.list_judgements(driver, settings.neo4j_database)}
    for judgement in body.judgements:
        if judgement.id in known:
            continue
        try:
            review.store(driver, settings.neo4j_database, judgement)
            added += 1
        except review.JudgementConflictError as exc:
            refused.append(f"{judgement.id}: {exc}")
    return Imported(imported=added, refused=refused)


@router.delete("/documents/{id}", response_model=Retracted, responses=_WRITE_ERRORS, summary="Retract an article")
def delete_document(
    _: ApiKeyDep,
    driver: DriverDep,
    settings: SettingsDep,
    id: Annotated[str, Path(max_length=2000, description="article id, document id given at ingest, or URL")],
) -> Retracted:
    """Remove the article and every fact only it supports; meetings other articles report stay."""
    try:
        done = retract(driver, settings.neo4j_database, id)
    except ArticleNotFoundError as exc:
        raise NotFoundError(str(exc)) from None
    return Retracted(**done.__dict__)


@router.get("/documents/{id}/text", response_model=ArticleText, responses=ERRORS, summary="An article's stored text")
def get_document_text(reader: ReaderDep, id: Annotated[str, Path(max_length=2000)]) -> ArticleText:
    """The text the evidence offsets point into, kept so a citation survives link rot."""
    row = reader.one("review/article_text", id=id)
    if row is None:
        raise NotFoundError(f"No article with the id, document id or URL '{id}'.")
    return ArticleText(**row)


@router.get("/meetings/{id}/provenance", response_model=Provenance, responses=ERRORS, summary="A meeting's provenance")
def get_provenance(reader: ReaderDep, id: Annotated[str, Path(max_length=200)]) -> Provenance:
    """The meeting's facts with the articles behind each, researchers' corrections (who, when, why) and the
    extracted values they replaced, and every source with the exact quote, its offsets, and reposts marked."""
    row = reader.one("review/meeting_provenance", id=id)
    if row is None:
        raise NotFoundError(f"No meeting with id '{id}'.")
    sources: list[ProvenanceSource] = []
    for s in row["sources"]:
        reposts = s.pop("reposts")
        sources.append(ProvenanceSource(**s))
        sources += [ProvenanceSource(**r, repost_of=s["article"]) for r in reposts]
    judgements = [Judgement(**j) for j in row["judgements"]]
    return Provenance(
        id=row["id"],
        rejected=row["rejected"],
        corrected=bool(judgements),
        type=row["type"],
        date=row["date"],
        date_precision=row["date_precision"],
        summary=row["summary"],
        extracted=Extracted(**row["extracted"]),
        participants=[Supported(**p) for p in row["participants"]],
        states=[Supported(**s) for s in row["states"]],
        places=[Supported(**p) for p in row["places"]],
        sources=sources,
        judgements=judgements,
    )


@router.get("/unread", response_model=UnreadList, responses=ERRORS, summary="Contact sentences that gave no meeting")
@one_read_transaction
def list_unread(
    reader: ReaderDep,
    page: PageDep,
    period: PeriodDep,
    state: Annotated[
        str | None,
        Query(
            max_length=200,
            json_schema_extra=NAME_SCHEMA,
            description="A state the sentence names: ISO3, id or any name (case and accents ignored).",
            examples=["Russia"],
        ),
    ] = None,
    article: Annotated[
        str | None, Query(max_length=2000, description="Article id, document id given at ingest, or URL.")
    ] = None,
) -> UnreadList:
    """Sentences that tell a contact the extractor could not turn into a meeting: one side of the contact not
    identified (`one_side_named`), or an earlier contact told without a date (`undated_earlier_contact`). The graph
    has no meeting for them: where it may be silent. `from`/`to` bound the article's publication date; newest
    article first; `evidence_start`/`evidence_end` point into GET /documents/{id}/text."""
    state_ref = resolve_entity(reader, state, kinds={"state"}) if state is not None else None
    if article is not None and reader.one("review/find_articles", key=article) is None:
        raise NotFoundError(f"No article with the id, document id or URL '{article}'.")
    row = reader.one(
        "list_unread",
        state=state_ref.id if state_ref else None,
        article=article,
        offset=page.offset,
        limit=page.limit,
        **{"from": period.start, "to": period.end},
    )
    total, found = (row["total"], row["unread"]) if row else (0, [])
    return UnreadList(total=total, limit=page.limit, offset=page.offset, unread=found)
