"""The bundled map outlines: present, small, inside the view, with a stated source."""

from __future__ import annotations

from rasad.paths import DATA_DIR
from rasad.report.svgmap import load_region


def test_region_covers_syria_iraq_and_neighbours_within_the_view() -> None:
    region = load_region()
    view = region["view"]
    countries = {c["iso"]: c for c in region["countries"]}
    assert {"SY", "IQ", "TR", "JO", "LB", "IL", "IR", "SA"} <= set(countries)
    for country in region["countries"]:
        assert country["name"]["en"] and country["name"]["ar"]
        for ring in country["rings"]:
            assert len(ring) >= 3
            assert all(view["west"] - 1e-6 <= lon <= view["east"] + 1e-6 and
                       view["south"] - 1e-6 <= lat <= view["north"] + 1e-6 for lon, lat in ring)
    assert "Natural Earth" in region["source"] and "public domain" in region["licence"]


def test_region_file_is_small_and_documented() -> None:
    assert (DATA_DIR / "boundaries" / "region.json").stat().st_size < 40_000
    sources = (DATA_DIR / "boundaries" / "SOURCES.md").read_text(encoding="utf-8")
    assert "region.json" in sources and "Natural Earth" in sources and "build_boundaries.py" in sources
