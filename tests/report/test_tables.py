"""events.csv: loads in the csv module, ACLED-style columns, agrees with the export, safe cells."""

from __future__ import annotations

import csv
import json

from hostile_input import RLO

from rasad.report.tables import COLUMNS, cell_text, write_events_csv

ACLED_COLUMNS = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "location",
                 "latitude", "longitude", "geo_precision", "source", "notes")


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_acled_and_rasad_columns_and_one_row_per_event(story_export, tmp_path) -> None:
    path = tmp_path / "events.csv"
    write_events_csv(story_export, path)
    rows = _read(path)
    assert set(ACLED_COLUMNS) | {"status", "hedged", "corroboration", "evidence"} <= set(COLUMNS)
    assert list(rows[0]) == list(COLUMNS)
    assert sorted(r["event_id"] for r in rows) == sorted(e["id"] for e in story_export["events"])


def test_csv_rows_agree_with_the_export(story_export, tmp_path) -> None:
    path = tmp_path / "events.csv"
    write_events_csv(story_export, path)
    rows = {r["event_id"]: r for r in _read(path)}
    entities = {e["id"]: e for e in story_export["entities"]}
    for event in story_export["events"]:
        row = rows[event["id"]]
        assert row["status"] == event["status"]
        assert row["hedged"] == str(event["hedged"]).lower()
        assert int(row["corroboration"]) == event["corroboration"]
        assert row["when"] == (event["when"] or "")
        assert row["location"] == entities[event["place"]]["name"]["en"]
        place = entities[event["place"]]
        assert row["latitude"] == ("" if place["lat"] is None else str(place["lat"]))
        for mention in event["mentions"]:
            assert mention["sentence"] in row["evidence"]
    shaddadi = rows["ev:shaddadi-out"]
    assert (shaddadi["event_date"], shaddadi["time_precision"], shaddadi["geo_precision"]) == ("2026-02-21", "1", "2")
    assert shaddadi["source"] == "Gulf Monitor; Mashriq Wire"
    assert shaddadi["event_type"] == "Strategic developments"
    assert rows["ev:rmelan-3w"]["event_date"] == "2026-02-20" and rows["ev:rmelan-3w"]["time_precision"] == "3"
    assert rows["ev:rmelan-2m"]["event_date"] == "2026-04-22"


def test_cells_are_never_formulas_and_never_reorder_text() -> None:
    assert cell_text('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert cell_text("@SUM(A1)").startswith("'")
    assert cell_text(f"a{RLO}b\nc") == "ab c"


def test_hostile_csv_loads_with_the_same_rows(hostile, tmp_path) -> None:
    export, _texts = hostile
    path = tmp_path / "events.csv"
    write_events_csv(export, path)
    rows = _read(path)
    assert len(rows) == len(export["events"])
    assert all(not value.startswith(("=", "+", "@")) for row in rows for value in row.values())
    assert all(RLO not in value for row in rows for value in row.values())


def test_seed_csv_agrees_with_rasad_json(seed_outputs) -> None:
    export = json.loads((seed_outputs / "rasad.json").read_text(encoding="utf-8"))
    rows = {r["event_id"]: r for r in _read(seed_outputs / "events.csv")}
    assert set(rows) == {e["id"] for e in export["events"]}
    for event in export["events"]:
        row = rows[event["id"]]
        assert (row["status"], row["when"], int(row["corroboration"])) == \
            (event["status"], event["when"] or "", event["corroboration"])
        assert row["time_precision"] in ("1", "2", "3")
