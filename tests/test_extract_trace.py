"""The gate trace (`ingest.trace`): why a cue sentence of an invented article gave no meeting."""

from __future__ import annotations

from ingest.models import Document
from ingest.trace import trace_document


def test_trace_names_the_gate_of_each_cue_sentence() -> None:
    text = (
        "Le président malien a reçu en audience, le 12 mars 2024, l'ambassadeur du Ghana au Mali, Kwame Mensah. "
        "Le ministre Abdoulaye Diop se rendra à Accra le mois prochain pour une visite officielle. "
        "La délégation est arrivée hier."
    )
    steps = trace_document(Document(id="t", text=text, published="2024-03-15"))
    verdicts = {s.text.split()[1]: s.verdict for s in steps}
    assert verdicts["président"] == "kept"
    assert verdicts["ministre"] == "future"
    assert verdicts["délégation"] == "no counterpart"
    kept = next(s for s in steps if s.verdict == "kept")
    assert set(kept.states) == {"MLI", "GHA"} and kept.participants >= 1
