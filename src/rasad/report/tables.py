"""``events.csv``: one row per fused event in ACLED-style columns, plus rasad's own.

ACLED's conventions are followed where they exist: ``event_date`` is one day (the start of an
interval, the end of an open one, the first day of a month or year), ``time_precision`` is 1 (day),
2 (a week or less) or 3 (longer), ``geo_precision`` is 1 (exact), 2 (near or approximate) or 3
(an area such as a province). The ISO ``when`` stays in its own column.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from typing import Any

from rasad.report.render import StoryView, clean, date_precision, date_sort_key, event_date

COLUMNS = (
    "event_id", "event_date", "time_precision", "when", "event_type", "sub_event_type", "actor1",
    "location", "location_ar", "latitude", "longitude", "geo_precision", "source", "notes",
    "status", "hedged", "corroboration", "evidence",
)
GEO_PRECISION = {"exact": 1, "approximate": 2, "area": 3}
WEEK_DAYS = 7
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_WHITESPACE_RUN = re.compile(r"\s+")


def cell_text(text: Any) -> str:
    """Report text made safe for a CSV cell: bidi controls dropped, one line, never a formula."""
    value = _WHITESPACE_RUN.sub(" ", clean(str(text or ""))).strip()
    return "'" + value if value.startswith(_FORMULA_START) else value


def _full_day(value: str) -> str:
    """The first day an ISO day, month or year value covers."""
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _time_precision(value: str | None) -> int:
    precision = date_precision(value)
    if precision == "day":
        return 1
    if precision == "interval" and value:
        first, _, last = value.partition("/")
        try:
            days = (date.fromisoformat(_full_day(last)) - date.fromisoformat(_full_day(first))).days
        except ValueError:
            return 3
        return 2 if days <= WEEK_DAYS else 3
    return 3


def _acled_types(event: dict[str, Any]) -> tuple[str, str]:
    """ACLED event type and sub-event type from the event's codes (``"Type/Sub-type"`` or a dict)."""
    code = (event.get("codes") or {}).get("acled")
    if isinstance(code, dict):
        return str(code.get("event_type") or ""), str(code.get("sub_event_type") or "")
    if isinstance(code, str) and code:
        kind, _, sub = code.partition("/")
        return kind.strip(), sub.strip()
    return event.get("type") or "", ""


def event_row(view: StoryView, event: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one event."""
    when = event_date(event)
    place = view.entities.get(event.get("place") or "") or {}
    event_type, sub_event_type = _acled_types(event)
    mentions = event.get("mentions") or []
    sources = sorted({view.document_label(m["doc"]) for m in mentions})
    return {
        "event_id": event["id"],
        "event_date": _full_day(date_sort_key(when)) if when else "",
        "time_precision": _time_precision(event.get("when")),
        "when": event.get("when") or "",
        "event_type": cell_text(event_type),
        "sub_event_type": cell_text(sub_event_type),
        "actor1": cell_text(view.entity_name(event.get("actor"), "en")),
        "location": cell_text(view.entity_name(event.get("place"), "en")),
        "location_ar": cell_text(view.entity_name(event.get("place"), "ar")),
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION.get(place.get("precision") or "", 2) if place.get("lat") is not None else "",
        "source": cell_text("; ".join(sources)),
        "notes": cell_text(view.event_line(event, "en")),
        "status": event.get("status") or "",
        "hedged": "true" if event.get("hedged") else "false",
        "corroboration": int(event.get("corroboration") or 1),
        "evidence": cell_text(" | ".join(m.get("sentence") or "" for m in mentions)),
    }


def write_events_csv(export: dict[str, Any], path: Path) -> None:
    """Write one CSV row per event (UTF-8 with a byte-order mark, so spreadsheets read Arabic)."""
    view = StoryView(export)
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for event in view.timeline():
            writer.writerow(event_row(view, event))
