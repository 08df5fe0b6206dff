"""The report page in headless Chromium: what a reader sees, and not one network request.

Needs Debian's ``chromium`` (``scripts/install_browser.sh``). Screenshots are saved in
``test-artifacts/`` (``RASAD_ARTIFACTS`` overrides) for a person to look at.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp import Browser, Page, find_chromium

from rasad.report.html import write_html

ARTIFACTS = Path(os.environ.get("RASAD_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
COUNTS = """({
  markers: document.querySelectorAll('svg.map g.marker').length,
  countries: document.querySelectorAll('svg.map path.country').length,
  boardRows: document.querySelectorAll('#board tr.board-row').length,
  timeline: document.querySelectorAll('#timeline li[data-event]').length,
  disagreements: document.querySelectorAll('#disagreements .disagreement').length,
  claims: document.querySelectorAll('#disagreements .claim').length,
  evidence: document.querySelectorAll('#evidence .mention').length,
  triggers: document.querySelectorAll('#evidence .mention mark.trigger').length,
})"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed (run scripts/install_browser.sh)")
    chromium = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


def _open(browser: Browser, page_file: Path) -> Page:
    page = Page(browser)
    page.open(page_file.as_uri())
    assert page.requests() == [page_file.as_uri()], "the page asked for something besides itself"
    return page


def _assert_reader_sees_everything(page: Page, export: dict) -> None:
    counts = page.evaluate(COUNTS)
    board = export["status_board"]["places"]
    located = {e["id"] for e in export["entities"] if e.get("lat") is not None}
    assert counts["markers"] == sum(1 for p in board if p["place"] in located) > 0
    assert counts["countries"] >= 8
    assert counts["boardRows"] == len(board)
    assert counts["timeline"] == len(export["events"])
    assert counts["disagreements"] == len(export["disagreements"])
    assert counts["claims"] == sum(len(d["sides"]) for d in export["disagreements"])
    assert counts["evidence"] == counts["triggers"] == sum(len(e["mentions"]) for e in export["events"])


def test_fixture_page_in_both_languages(browser, story_export, story_texts, tmp_path) -> None:
    page_file = tmp_path / "report.html"
    write_html(story_export, story_texts, page_file)
    page = _open(browser, page_file)
    _assert_reader_sees_everything(page, story_export)
    assert page.evaluate("getComputedStyle(document.querySelector('#board h2 .l-ar')).display") == "none"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(ARTIFACTS / "report-fixture.png")

    page.evaluate("document.getElementById('lang-switch').click()")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.evaluate("getComputedStyle(document.querySelector('#board h2 .l-en')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('#board table')).direction") == "rtl"
    page.screenshot(ARTIFACTS / "report-fixture-ar.png")
    assert page.requests() == [page_file.as_uri()]


def test_hostile_page_runs_nothing_and_does_not_overflow(browser, hostile, tmp_path) -> None:
    export, texts = hostile
    page_file = tmp_path / "hostile.html"
    write_html(export, texts, page_file)
    page = _open(browser, page_file)
    assert page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert "<script>" in page.evaluate("document.querySelector('#disagreements h3').textContent")


def test_seed_story_page(browser, seed_outputs) -> None:
    export = json.loads((seed_outputs / "rasad.json").read_text(encoding="utf-8"))
    page = _open(browser, seed_outputs / "report.html")
    _assert_reader_sees_everything(page, export)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(ARTIFACTS / "report.png")
