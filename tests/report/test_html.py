"""The report page: sections, map, evidence highlights, self-containment and escaping."""

from __future__ import annotations

import json
import time

from hostile_input import LONG_WORD, RLO, SCRIPT
from pagecheck import parse_page

from rasad.report.geojson import write_places_geojson
from rasad.report.html import render_html, write_html
from rasad.report.markdown import write_markdown
from rasad.report.tables import write_events_csv


def test_page_has_every_section_and_the_story(story_export, story_texts) -> None:
    page = parse_page(render_html(story_export, story_texts))
    ids = {a.get("id") for _t, a in page.tags}
    assert {"story", "board", "timeline", "disagreements", "evidence", "lang-switch"} <= ids
    text = "".join(page.text)
    assert "Mashriq Wire" in text and "جريدة الفرات" in text
    assert "2026-02-20 – 2026-02-23" in text


def test_map_has_outlines_and_one_marker_per_located_board_place(story_export, story_texts) -> None:
    page = parse_page(render_html(story_export, story_texts))
    located = [p["place"] for p in story_export["status_board"]["places"]
               if next(e for e in story_export["entities"] if e["id"] == p["place"])["lat"] is not None]
    markers = page.with_class("g", "marker")
    assert sorted(m["data-place"] for m in markers) == sorted(located)
    assert {m["data-status"] for m in markers} == {"withdrawn", "present"}
    assert {a["data-iso"] for a in page.with_class("path", "country")} >= {"SY", "IQ", "TR", "JO", "LB"}


def test_board_timeline_and_disagreements_agree_with_the_export(story_export, story_texts) -> None:
    page = parse_page(render_html(story_export, story_texts))
    rows = [a["data-place"] for a in page.with_class("tr", "board-row")]
    assert rows == [p["place"] for p in story_export["status_board"]["places"]]
    timeline = [a["data-event"] for t, a in page.tags if t == "li" and "data-event" in a]
    assert sorted(timeline) == sorted(e["id"] for e in story_export["events"])
    assert timeline.index("ev:rmelan-3w") < timeline.index("ev:shaddadi-out") < timeline.index("ev:rmelan-2m")
    claims = page.with_class("div", "claim")
    assert len(claims) == sum(len(d["sides"]) for d in story_export["disagreements"])
    values = [a["data-value"] for a in page.with_class("div", "side")]
    assert values == [v for d in story_export["disagreements"] for v in dict.fromkeys(s["value"] for s in d["sides"])]


def test_evidence_marks_triggers_and_arguments(story_export, story_texts) -> None:
    html = render_html(story_export, story_texts)
    evidence = parse_page(html.split('<section id="evidence">')[1])
    triggers = evidence.with_class("mark", "trigger")
    assert len(triggers) == sum(len(e["mentions"]) for e in story_export["events"]) + 1  # + the key
    assert any(a.get("data-role") == "place" for a in evidence.with_class("mark", "argument"))
    disagreements = parse_page(html.split('<section id="disagreements">')[1].split("</section>")[0])
    assert len(disagreements.with_class("mark", "trigger")) == 4  # each side's sentence, highlighted
    assert '<mark class="trigger">completed their withdrawal</mark>' in html
    assert "2026-02-21 — US forces withdrew from Shaddadi base (Hasakah)." in html


def test_page_is_self_contained(story_export, story_texts) -> None:
    html = render_html(story_export, story_texts)
    page = parse_page(html)
    assert page.external_references() == []
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert "http://" not in html and "https://" not in html
    assert len(page.scripts) == 1 and len(page.styles) == 1


def test_hostile_report_text_stays_text(hostile) -> None:
    export, texts = hostile
    html = render_html(export, texts)
    page = parse_page(html)
    assert len(page.scripts) == 1  # only the page's own language switch
    assert not [t for t, _a in page.tags if t in ("img", "b", "iframe", "object")]
    assert not [name for _t, attrs in page.tags for name in attrs if name.startswith("on")]
    assert RLO not in html
    assert SCRIPT in "".join(page.text)  # shown to the reader as the text it is
    assert page.external_references() == []
    assert LONG_WORD in html and "overflow-wrap: anywhere" in page.styles[0]


def test_rendering_the_seed_story_takes_under_a_second(seed_outputs, seeds_dir, tmp_path) -> None:
    export = json.loads((seed_outputs / "rasad.json").read_text(encoding="utf-8"))
    texts = {d["id"]: (seeds_dir / d["file"]).read_text(encoding="utf-8") for d in export["documents"]}
    started = time.perf_counter()
    write_html(export, texts, tmp_path / "report.html")
    write_markdown(export, texts, tmp_path / "report.md")
    write_events_csv(export, tmp_path / "events.csv")
    write_places_geojson(export, tmp_path / "places.geojson")
    assert time.perf_counter() - started < 1.0


def test_a_copy_or_translation_is_marked_in_the_reports_read(story_export, story_texts) -> None:
    story_export["documents"][2]["translation_of"] = story_export["documents"][1]["id"]
    html = render_html(story_export, story_texts)
    assert '<span class="l-en">translation of Gulf Monitor</span>' in html


def test_evidence_from_a_reports_own_translation_is_marked(story_export, story_texts) -> None:
    story_export["events"][0]["mentions"][1]["role"] = "translation"
    html = render_html(story_export, story_texts)
    assert html.count("the report&#x27;s own translation") == 1
