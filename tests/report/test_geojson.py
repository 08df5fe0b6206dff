"""places.geojson: valid RFC 7946 GeoJSON, agreeing with the status board."""

from __future__ import annotations

import json
import math
from typing import Any

from rasad.report.geojson import write_places_geojson


def assert_geojson_feature_collection(data: Any) -> None:
    """The parts of the GeoJSON schema (RFC 7946) this file uses: Points, or null geometries."""
    assert isinstance(data, dict) and data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert isinstance(feature.get("id", ""), (str, int))
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point" and set(geometry) == {"type", "coordinates"}
        lon, lat = geometry["coordinates"]
        assert all(isinstance(c, (int, float)) and math.isfinite(c) for c in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_valid_and_matches_the_board(story_export, tmp_path) -> None:
    path = tmp_path / "places.geojson"
    write_places_geojson(story_export, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert_geojson_feature_collection(data)
    board = story_export["status_board"]
    assert data["as_of"] == board["as_of"]
    assert [f["properties"]["place"] for f in data["features"]] == [p["place"] for p in board["places"]]
    entities = {e["id"]: e for e in story_export["entities"]}
    for feature, row in zip(data["features"], board["places"], strict=True):
        props, entity = feature["properties"], entities[row["place"]]
        assert props["status"] == row["status"] and props["since"] == row["since"]
        assert props["events"] == row["events"] and props["documents"] == row["documents"]
        assert props["name_ar"] == entity["name"]["ar"]
        if entity["lat"] is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"]["coordinates"] == [entity["lon"], entity["lat"]]
    shaddadi = data["features"][0]["properties"]
    assert shaddadi["history"] == [{"status": "withdrawing", "as_of": "2026-02-20"}]
    assert shaddadi["marker-color"].startswith("#")


def test_empty_board_is_an_empty_collection(tmp_path) -> None:
    path = tmp_path / "places.geojson"
    write_places_geojson({"status_board": {"as_of": None, "places": []}}, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert_geojson_feature_collection(data)
    assert data["features"] == []


def test_seed_geojson_agrees_with_rasad_json(seed_outputs) -> None:
    export = json.loads((seed_outputs / "rasad.json").read_text(encoding="utf-8"))
    data = json.loads((seed_outputs / "places.geojson").read_text(encoding="utf-8"))
    assert_geojson_feature_collection(data)
    board = export["status_board"]["places"]
    assert [(f["properties"]["place"], f["properties"]["status"]) for f in data["features"]] == \
        [(p["place"], p["status"]) for p in board]
