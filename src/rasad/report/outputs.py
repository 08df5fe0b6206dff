"""Write every output of a run into one folder: rasad.json, report.html, report.md, CSV, GeoJSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasad.model import Story
from rasad.report.export import build_export, write_export
from rasad.report.geojson import write_places_geojson
from rasad.report.html import write_html
from rasad.report.markdown import write_markdown
from rasad.report.tables import write_events_csv

OUTPUT_FILES = ("rasad.json", "report.html", "report.md", "events.csv", "places.geojson")


def write_outputs(story: Story, out_dir: Path) -> dict[str, Any]:
    """Write all outputs of ``story`` into ``out_dir`` and return the export dict."""
    out_dir.mkdir(parents=True, exist_ok=True)
    export = build_export(story)
    texts = {d.id: d.text for d in story.docs}
    write_export(export, out_dir / "rasad.json")
    write_html(export, texts, out_dir / "report.html")
    write_markdown(export, texts, out_dir / "report.md")
    write_events_csv(export, out_dir / "events.csv")
    write_places_geojson(export, out_dir / "places.geojson")
    return export
