"""The status-board map: country outlines and place markers as one inline SVG (no tiles, no network).

Outlines come from ``data/boundaries/region.json`` (Natural Earth, simplified by
``scripts/build_boundaries.py``). The projection is equirectangular, its x scaled by the cosine of
the view's middle latitude: at this size the difference from a conformal projection is invisible.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

from rasad.paths import DATA_DIR
from rasad.report.render import LANGS, StoryView, board_colour, clean, label

REGION_FILE = DATA_DIR / "boundaries" / "region.json"
WIDTH = 1000
# Sizes in pixels of the unzoomed, 1000-px-wide map; a zoomed map scales them by Box.unit.
MARKER_RADIUS = 11
MARKER_RING = 3
PLACE_FONT = 21
ARABIC_FONT = 24
COUNTRY_FONT = 30
HALO = 5
LABEL_HEIGHT = 24  # labels closer than this are moved apart
LABEL_WIDTH = 190  # room an English label takes to the right of its marker
LABEL_GAP = 15  # between a marker and its label
LABEL_DROP = 7  # baseline below the marker's centre, so the text sits level with it
# Zoom to the markers, but never so far that the neighbouring countries leave the picture.
ZOOM_PADDING = 70
LABEL_ROOM = 150
MIN_ZOOM_FRACTION = 0.5


@lru_cache(maxsize=1)
def load_region() -> dict[str, Any]:
    """The bundled, simplified country outlines of the map's region."""
    return json.loads(REGION_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Projection:
    """Longitude/latitude to SVG pixels for the region's view."""

    west: float
    north: float
    scale: float
    aspect: float

    @classmethod
    def for_view(cls, view: dict[str, float]) -> Projection:
        """The projection that fits ``view`` into the map's width."""
        aspect = math.cos(math.radians((view["north"] + view["south"]) / 2))
        scale = WIDTH / ((view["east"] - view["west"]) * aspect)
        return cls(view["west"], view["north"], scale, aspect)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.aspect * self.scale, (self.north - lat) * self.scale


def _ring_path(ring: list[list[float]], project: Projection) -> str:
    points = [project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


@dataclass(frozen=True, slots=True)
class Box:
    """The part of the full map the SVG shows (its viewBox), in full-map pixels."""

    x: float
    y: float
    width: float
    height: float

    @property
    def unit(self) -> float:
        """Full-map pixels per on-screen pixel of the unzoomed map: sizes scale by it to look constant."""
        return self.width / WIDTH


def zoom_box(points: list[tuple[float, float]], height: float) -> Box:
    """The smallest box with the full map's shape that shows every marker and its label."""
    if not points:
        return Box(0, 0, WIDTH, height)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max(max(xs) - min(xs) + 2 * ZOOM_PADDING + LABEL_ROOM, WIDTH * MIN_ZOOM_FRACTION)
    tall = max(max(ys) - min(ys) + 2 * ZOOM_PADDING, height * MIN_ZOOM_FRACTION)
    width = min(max(width, tall * WIDTH / height), WIDTH)
    tall = width * height / WIDTH
    centre_x = (min(xs) + max(xs) + LABEL_ROOM) / 2
    centre_y = (min(ys) + max(ys)) / 2
    x = min(max(centre_x - width / 2, 0), WIDTH - width)
    y = min(max(centre_y - tall / 2, 0), height - tall)
    return Box(x, y, width, tall)


def _countries_svg(region: dict[str, Any], project: Projection, box: Box) -> str:
    paths, names = [], []
    for country in region["countries"]:
        d = "".join(_ring_path(ring, project) for ring in country["rings"])
        css = "country focus" if country["iso"] in ("SY", "IQ") else "country"
        paths.append(f'<path class="{css}" data-iso="{escape(country["iso"])}" d="{d}"/>')
        if "label" in country:
            x, y = project(*country["label"])
            names += [f'<text class="country-name l-{lang}" x="{x:.1f}" y="{y:.1f}">'
                      f'{escape(country["name"][lang])}</text>' for lang in LANGS]
    return f'{"".join(paths)}<g font-size="{COUNTRY_FONT * box.unit:.1f}">{"".join(names)}</g>'


def _label_rows(points: list[tuple[float, float]], unit: float) -> list[float]:
    """Label baselines moved down just enough that nearby labels do not overlap."""
    placed: list[tuple[float, float]] = []
    rows = []
    for x, y in points:
        row = y + LABEL_DROP * unit
        while any(abs(px - x) < LABEL_WIDTH * unit and abs(py - row) < LABEL_HEIGHT * unit for px, py in placed):
            row += LABEL_HEIGHT * unit
        placed.append((x, row))
        rows.append(row)
    return rows


def _marker_svg(view: StoryView, row: dict[str, Any], x: float, y: float, label_y: float, unit: float) -> str:
    status = row["status"]
    en, ar = view.entity_name(row["place"], "en"), view.entity_name(row["place"], "ar")
    tip = f"{en} / {ar}: {label('board_statuses', status, 'en')} / {label('board_statuses', status, 'ar')}"
    gap, halo = LABEL_GAP * unit, HALO * unit
    leader = ""
    if label_y - y > LABEL_HEIGHT * unit:  # the label was moved away: a thin line shows whose it is
        leader = "".join(f'<path class="leader l-{lang}" d="M{x:.1f},{y:.1f}L{x + side * gap:.1f},'
                         f'{label_y - LABEL_DROP * unit:.1f}" stroke-width="{unit:.2f}"/>'
                         for lang, side in (("en", 1), ("ar", -1)))
    return (f'<g class="marker st-{escape(status)}" data-place="{escape(row["place"])}" data-status="{escape(status)}">'
            f'<title>{escape(clean(tip))}</title>{leader}'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS * unit:.1f}" fill="{board_colour(status)}" '
            f'stroke-width="{MARKER_RING * unit:.1f}"/>'
            f'<text class="place-name l-en" x="{x + gap:.1f}" y="{label_y:.1f}" stroke-width="{halo:.1f}">'
            f'{escape(en)}</text>'
            f'<text class="place-name l-ar" x="{x - gap:.1f}" y="{label_y:.1f}" direction="rtl" '
            f'font-size="{ARABIC_FONT * unit:.1f}" stroke-width="{halo:.1f}">{escape(ar)}</text></g>')


def map_svg(view: StoryView) -> str:
    """The map of the status board: outlines plus one marker per place with coordinates."""
    region = load_region()
    project = Projection.for_view(region["view"])
    height = (region["view"]["north"] - region["view"]["south"]) * project.scale
    places = []
    for row in (view.export.get("status_board") or {}).get("places") or []:
        entity = view.entities.get(row["place"]) or {}
        if entity.get("lat") is None or entity.get("lon") is None:
            continue
        x, y = project(entity["lon"], entity["lat"])
        if 0 <= x <= WIDTH and 0 <= y <= height:
            places.append((x, y, row))
    places.sort(key=lambda p: (p[1], p[0]))
    box = zoom_box([(x, y) for x, y, _ in places], height)
    rows = _label_rows([(x, y) for x, y, _ in places], box.unit)
    markers = "".join(_marker_svg(view, row, x, y, label_y, box.unit)
                      for (x, y, row), label_y in zip(places, rows, strict=True))
    return (f'<svg class="map" viewBox="{box.x:.1f} {box.y:.1f} {box.width:.1f} {box.height:.1f}" role="img" '
            f'aria-label="Map of the status board">'
            f'<rect class="sea" width="{WIDTH}" height="{height:.0f}"/>'
            f'{_countries_svg(region, project, box)}'
            f'<g font-size="{PLACE_FONT * box.unit:.1f}">{markers}</g></svg>')


def map_source() -> str:
    """Where the map's outlines come from, for the page's footer."""
    region = load_region()
    return f"{region['source']}; {region['licence']}"
