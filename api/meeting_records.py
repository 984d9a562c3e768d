"""Turn pages of meeting ids (from the list queries) into full `Meeting` records, and count rows into models."""

from __future__ import annotations

from api.reads import GraphReader, Row
from api.schemas.entities import MeetingCounts, TypeCount
from api.schemas.meetings import MeetingRecord


def load_meetings(reader: GraphReader, ids: list[str]) -> list[MeetingRecord]:
    """The meetings with these ids, in the same order."""
    if not ids:
        return []
    return [MeetingRecord.model_validate(row) for row in reader.rows("get_meetings", ids=ids)]


def meeting_counts(row: Row) -> MeetingCounts:
    """The `total`, `first`, `last`, `by_type` columns of a get_<entity> row."""
    return MeetingCounts(
        total=row["total"],
        first=row["first"],
        last=row["last"],
        by_type=[TypeCount.model_validate(t) for t in row["by_type"]],
    )
