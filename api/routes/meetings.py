"""GET /meetings/{id}: one meeting with all its reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import ReaderDep
from api.errors import NotFoundError
from api.meeting_records import load_meetings
from api.schemas.common import ERRORS
from api.schemas.meetings import Meeting

router = APIRouter(tags=["meetings"])


@router.get("/meetings/{id}", response_model=Meeting, responses=ERRORS, summary="One meeting with all its reports")
def get_meeting(reader: ReaderDep, id: Annotated[str, Path(max_length=200)]) -> Meeting:
    """The meeting, its place, participants, states, sectors, organisations and every article reporting it."""
    found = load_meetings(reader, [id])
    if not found:
        raise NotFoundError(f"No meeting with id '{id}'; meeting ids appear in /contacts and /timeline.")
    return found[0]
