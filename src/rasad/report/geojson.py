"""``places.geojson``: the status board as an RFC 7946 FeatureCollection of Points.

A place the knowledge base has no coordinates for is kept, with a null geometry (RFC 7946 §3.2),
so the file lists the whole board. ``marker-color`` follows the simplestyle convention that
GitHub, geojson.io and many viewers read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasad.report.render import StoryView, board_colour, label


def place_feature(view: StoryView, row: dict[str, Any]) -> dict[str, Any]:
    """One status-board row as a GeoJSON Feature."""
    entity = view.entities.get(row["place"]) or {}
    has_point = entity.get("lat") is not None and entity.get("lon") is not None
    geometry = {"type": "Point", "coordinates": [entity["lon"], entity["lat"]]} if has_point else None
    return {
        "type": "Feature",
        "id": row["place"],
        "geometry": geometry,
        "properties": {
            "place": row["place"],
            "name_en": view.entity_name(row["place"], "en"),
            "name_ar": view.entity_name(row["place"], "ar"),
            "subtype": entity.get("subtype"),
            "parent": entity.get("parent"),
            "geo_precision": entity.get("precision"),
            "status": row["status"],
            "status_en": label("board_statuses", row["status"], "en"),
            "status_ar": label("board_statuses", row["status"], "ar"),
            "since": row.get("since"),
            "as_of": row.get("as_of"),
            "events": list(row.get("events") or []),
            "documents": list(row.get("documents") or []),
            "sources": [view.document_label(d) for d in row.get("documents") or []],
            "history": [{"status": h.get("status"), "as_of": h.get("as_of")} for h in row.get("history") or []],
            "marker-color": board_colour(row["status"]),
        },
    }


def places_collection(export: dict[str, Any]) -> dict[str, Any]:
    """The status board as a FeatureCollection."""
    view = StoryView(export)
    board = export.get("status_board") or {}
    return {
        "type": "FeatureCollection",
        "as_of": board.get("as_of"),
        "features": [place_feature(view, row) for row in board.get("places") or []],
    }


def write_places_geojson(export: dict[str, Any], path: Path) -> None:
    """Write the status board as GeoJSON to ``path``."""
    text = json.dumps(places_collection(export), ensure_ascii=False, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")
