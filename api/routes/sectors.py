"""GET /sectors: the sector vocabulary, French names (as stored) with English labels and meeting counts."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ReaderDep
from api.resolve import sector_labels
from api.schemas.analytics import SectorInfo, Sectors

router = APIRouter(tags=["analytics"])


@router.get("/sectors", response_model=Sectors, summary="The sectors a meeting can concern")
def sectors(reader: ReaderDep) -> Sectors:
    """Every sector of the vocabulary: its name (use it, or the English label, in `sector=` filters, in any case
    and with or without accents) and the number of meetings concerning it."""
    counts = {r["sector"]: r["meetings"] for r in reader.rows("count_meetings_by_sector")}
    return Sectors(
        sectors=[SectorInfo(name=n, label_en=lbl, meetings=counts.get(n, 0)) for n, lbl in sector_labels().items()]
    )
