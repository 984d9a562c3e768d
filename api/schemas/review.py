"""Judgements, retraction and provenance responses (trust)."""

from __future__ import annotations

from pydantic import Field

from api.schemas.common import Out
from graph.judgements import Judgement
from ingest.models import MeetingType, UnreadReason


class JudgementList(Out):
    """Judgements, oldest first."""

    judgements: list[Judgement]


class JudgementFile(Out):
    """The export/import file: every judgement, to give a rebuilt graph its judgements back."""

    format: str = "malikg-judgements/1"
    judgements: list[Judgement]


class Imported(Out):
    imported: int
    refused: list[str] = Field(description="judgements refused as contradicting stored ones, with the reason")


class Withdrawn(Out):
    withdrawn: str


class Retracted(Out):
    """What `DELETE /documents/{id}` removed and kept."""

    articles: list[str]
    meetings_deleted: list[str]
    meetings_kept: list[str] = Field(description="meetings other articles still report: they stay")
    promoted_reposts: list[str] = Field(description="reposts that took over a retracted original's reports")


class ProvenanceSource(Out):
    """One report of a meeting: the article, and the exact words with their offsets into its stored text."""

    article: str
    document_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = Field(default=None, description="the article's author line, when known")
    title: str | None = None
    published: str | None = None
    text_sha1: str | None = None
    evidence: str | None = None
    quote: str | None = Field(default=None, description="the article's exact words (typography kept)")
    start: int | None = None
    end: int | None = None
    repost_of: str | None = Field(default=None, description="set on a repost: the article it repeats")


class Supported(Out):
    """A participant, state or place of the meeting and the articles that report it."""

    id: str
    name: str | None = None
    role: str | None = None
    host: bool | None = None
    articles: list[str] = []
    judgement: str | None = Field(default=None, description="the judgement that set it, when a researcher did")


class Extracted(Out):
    """What extraction said before a researcher's correction (null where nothing was corrected)."""

    type: str | None = None
    date: str | None = None
    date_precision: str | None = None
    places: list[str] | None = None
    hosts: list[str] | None = None


class Provenance(Out):
    """A meeting's facts, whether and how researchers corrected them (PROV: who, when, why), and its sources."""

    id: str
    rejected: bool
    corrected: bool
    type: str | None = None
    date: str | None = None
    date_precision: str | None = None
    summary: str | None = None
    extracted: Extracted
    participants: list[Supported]
    states: list[Supported]
    places: list[Supported]
    sources: list[ProvenanceSource]
    judgements: list[Judgement]


class ArticleText(Out):
    id: str
    url: str | None = None
    document_id: str | None = None
    outlet: str | None = None
    author: str | None = Field(default=None, description="the article's author line, when known")
    published: str | None = None
    text_sha1: str | None = None
    text: str | None = Field(default=None, description="null when the graph keeps only the hash")


class UnreadRecord(Out):
    """A sentence that tells a contact the extractor could not turn into a meeting (ingest/unread.py)."""

    article: str = Field(description="id of the article (GET /documents/{id}/text gives its text)")
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    type: MeetingType = Field(description="the type of its contact cue")
    reason: UnreadReason = Field(
        description="`one_side_named`: only one side of the contact was identified; `undated_earlier_contact`: an "
        "earlier contact told without a date"
    )
    evidence: str = Field(description="the sentence, the article's exact words")
    evidence_start: int | None = Field(default=None, description="its offset in the article's stored text")
    evidence_end: int | None = None
    states: list[str] = Field(description="ISO3 codes of the states it names (the side identified)")
    people: list[str] = Field(description="ids of the people it names")


class UnreadList(Out):
    """Unread contacts matching the filters of GET /unread, a page, newest article first."""

    total: int = Field(description="Sentences matching, all pages together.")
    limit: int
    offset: int
    unread: list[UnreadRecord]
