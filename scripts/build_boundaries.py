"""Build the report map's country outlines from Natural Earth (via the npm package world-atlas).

Reads ``src/rasad/data/boundaries/countries.yaml`` (the view and the countries to draw), decodes
the world-atlas TopoJSON, clips each country to the view, simplifies it and writes
``src/rasad/data/boundaries/region.json``. Run once when the view or the source changes:

    python scripts/build_boundaries.py                  # fetches world-atlas with `npm pack`
    python scripts/build_boundaries.py --atlas countries-50m.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml

BOUNDARIES = Path(__file__).resolve().parents[1] / "src" / "rasad" / "data" / "boundaries"
ATLAS_PACKAGE = "world-atlas@2.0.2"
ATLAS_FILE = "countries-50m.json"
# 0.02° is about 2 km: invisible at the map's ~1.5 km/px, and it shrinks the file tenfold.
TOLERANCE = 0.02
DECIMALS = 2
# Islets and slivers smaller than this (square degrees) add bytes, not information.
MIN_RING_AREA = 0.005

Point = tuple[float, float]
Ring = list[Point]


def fetch_atlas(work: Path) -> Path:
    """Download the world-atlas package with npm and return its 1:50m countries file."""
    subprocess.run(["npm", "pack", ATLAS_PACKAGE, "--silent"], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(work.glob("world-atlas-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extract(f"package/{ATLAS_FILE}", work, filter="data")
    return work / "package" / ATLAS_FILE


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute coordinates of every arc of a quantised TopoJSON topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """Join the arcs of one ring; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def geometry_rings(geometry: dict, arcs: list[list[Point]]) -> list[Ring]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon geometry."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [ring_points(ring, arcs) for polygon in polygons for ring in polygon]


def clip_ring(ring: Ring, west: float, east: float, south: float, north: float) -> Ring:
    """Sutherland-Hodgman clipping of a ring to a rectangle."""
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    )
    points = ring
    for inside, cross in edges:
        if not points:
            break
        clipped: Ring = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    clipped.append(cross(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(cross(previous, point))
            previous = point
        points = clipped
    return points


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker simplification (iterative, keeps the end points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                distance = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            else:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if distance > worst:
                worst, worst_at = distance, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area(ring: Ring) -> float:
    """Signed shoelace area of a ring, square degrees."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def ring_centroid(ring: Ring) -> Point:
    """Area centroid of a ring."""
    area = ring_area(ring)
    cx = sum((a[0] + b[0]) * (a[0] * b[1] - b[0] * a[1]) for a, b in zip(ring, ring[1:] + ring[:1], strict=True))
    cy = sum((a[1] + b[1]) * (a[0] * b[1] - b[0] * a[1]) for a, b in zip(ring, ring[1:] + ring[:1], strict=True))
    return (cx / (6 * area), cy / (6 * area))


def build_region(topology: dict, config: dict) -> dict:
    """The region file: view bounds and, per country, simplified clipped rings and a label point."""
    view = config["region"]
    bounds = (view["west"], view["east"], view["south"], view["north"])
    arcs = decode_arcs(topology)
    by_name = {g["properties"]["name"]: g for g in topology["objects"]["countries"]["geometries"]}
    countries = []
    for country in config["countries"]:
        geometry = by_name.get(country["atlas"])
        if geometry is None:
            raise SystemExit(f"build_boundaries: {country['atlas']!r} is not in the atlas")
        rings = []
        for ring in geometry_rings(geometry, arcs):
            clipped = simplify(clip_ring(ring, *bounds), TOLERANCE)
            if len(clipped) >= 3 and abs(ring_area(clipped)) >= MIN_RING_AREA:
                rings.append(clipped)
        if not rings:
            continue
        largest = max(rings, key=lambda r: abs(ring_area(r)))
        entry = {
            "iso": country["iso"],
            "name": {"en": country["en"], "ar": country["ar"]},
            "rings": [[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring] for ring in rings],
        }
        if country.get("label", True):
            entry["label"] = [round(c, DECIMALS) for c in ring_centroid(largest)]
        countries.append(entry)
    return {
        "source": f"Natural Earth 1:50m admin-0 countries v4.1.0 via npm {ATLAS_PACKAGE} ({ATLAS_FILE})",
        "licence": "public domain (Natural Earth); packaging ISC",
        "view": view,
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, help=f"a local {ATLAS_FILE} (default: fetch with npm)")
    parser.add_argument("--out", type=Path, default=BOUNDARIES / "region.json")
    args = parser.parse_args(argv)
    config = yaml.safe_load((BOUNDARIES / "countries.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        atlas = args.atlas or fetch_atlas(Path(tmp))
        topology = json.loads(atlas.read_text(encoding="utf-8"))
    region = build_region(topology, config)
    args.out.write_text(json.dumps(region, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for c in region["countries"] for r in c["rings"])
    print(f"wrote {args.out}: {len(region['countries'])} countries, {points} points", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
