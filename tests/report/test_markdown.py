"""report.md: the same brief as the page, with report text unable to become Markdown or HTML."""

from __future__ import annotations

import re

from hostile_input import RLO

from rasad.report.markdown import md_escape, render_markdown


def test_markdown_has_every_section_and_every_event(story_export, story_texts) -> None:
    text = render_markdown(story_export, story_texts)
    for heading in ("## Reports read", "## Status board (as of 2026-02-23)", "## Timeline", "## Disagreements",
                    "## Evidence"):
        assert heading in text
    timeline = text.split("## Timeline")[1].split("## Disagreements")[0]
    assert timeline.count("\n- ") == len(story_export["events"])
    assert "**completed their withdrawal**" in text and "*Shaddadi base*" in text
    assert "| Shaddadi base | قاعدة الشدادي | withdrawn | 2026-02-21 |" in text
    assert "| by 2026-04-22 | a Syrian official | Gulf Monitor 2026-02-22 | within two months |" in text


def test_markdown_escapes_report_text() -> None:
    assert md_escape("<script>x</script>") == "\\<script\\>x\\</script\\>"
    assert md_escape("[a](javascript:x) *b* | c") == "\\[a\\](javascript:x) \\*b\\* \\| c"
    assert md_escape("one\n# two") == "one # two"


def test_hostile_markdown_has_no_raw_markup(hostile) -> None:
    export, texts = hostile
    text = render_markdown(*hostile)
    unquoted = "\n".join(line.removeprefix(">") for line in text.splitlines())
    assert re.search(r"(?<!\\)[<>\[]", unquoted) is None  # every angle and square bracket escaped
    assert RLO not in text
    assert "\n# heading" not in text
    assert len(text.splitlines()) < 200
    assert export["events"] and texts
