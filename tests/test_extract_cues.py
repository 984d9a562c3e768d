"""The cue tables of ingest/data/cues.yaml: loaded, checked, and rejected loudly when malformed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from ingest.cues import CUES_FILE, Cues, load_cues


def _raw() -> dict[str, object]:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _load(tmp_path: Path, data: dict[str, object]) -> Cues:
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_cues.__wrapped__(path)


def test_shipped_tables_load_and_name_their_construction() -> None:
    cues = load_cues()
    assert [c.type for c in cues.meeting_cues][:2] == ["phone_call", "joint_commission"]
    assert all(len(c.construction) >= 10 for c in cues.meeting_cues)
    assert "successivement" in "|".join(cues.markers.plural[0].alternatives)


def test_unknown_key_fails(tmp_path: Path) -> None:
    data = _raw()
    markers = data["markers"]
    assert isinstance(markers, dict)
    markers["futur"] = [{"construction": "a misspelt table name", "alternatives": ["sera"]}]
    with pytest.raises(ValidationError, match="futur"):
        _load(tmp_path, data)


def test_wrong_type_fails(tmp_path: Path) -> None:
    data = _raw()
    cues = data["meeting_cues"]
    assert isinstance(cues, list)
    cues[0]["alternatives"] = "entretien téléphonique"  # a string, not a list
    with pytest.raises(ValidationError):
        _load(tmp_path, data)


def test_unknown_meeting_type_fails(tmp_path: Path) -> None:
    data = _raw()
    cues = data["meeting_cues"]
    assert isinstance(cues, list)
    cues[0]["type"] = "phonecall"
    with pytest.raises(ValidationError, match="type"):
        _load(tmp_path, data)


def test_broken_regular_expression_fails(tmp_path: Path) -> None:
    data = _raw()
    cues = data["meeting_cues"]
    assert isinstance(cues, list)
    cues[1]["alternatives"] = ["commission (?:mixte"]
    with pytest.raises(ValidationError, match="not a regular expression"):
        _load(tmp_path, data)


def test_missing_table_fails(tmp_path: Path) -> None:
    data = _raw()
    markers = data["markers"]
    assert isinstance(markers, dict)
    del markers["future"]
    with pytest.raises(ValidationError, match="future"):
        _load(tmp_path, data)
