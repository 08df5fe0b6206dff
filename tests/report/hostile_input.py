"""Hostile report text planted in every field a reader sees: markup, bidi overrides, formulas, long lines."""

from __future__ import annotations

import copy
from typing import Any

SCRIPT = "<script>alert('x')</script>"
BREAKOUT = '"></bdi></blockquote><img src=x onerror=alert(1)>'
RLO = "\u202e"
LONG_WORD = "و" * 5000


def make_hostile(story_export: dict[str, Any], story_texts: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The story with markup, bidi overrides, formulas and a very long line planted in every text field."""
    export = copy.deepcopy(story_export)
    texts = dict(story_texts)
    doc = export["documents"][0]
    doc["title"] = f"</title>{SCRIPT}{RLO}عنوان"
    doc["outlet"] = f"{BREAKOUT}=HYPERLINK(\"http://evil.example\")"
    export["entities"][0]["name"]["en"] = f"<b>bold</b>{RLO}\n# heading [x](javascript:alert(1))"
    export["disagreements"][0]["about"] = f"{SCRIPT} ]]> {RLO}"
    export["disagreements"][0]["sides"][0]["attributed_to"] = BREAKOUT
    export["disagreements"][0]["sides"][0]["evidence"] = LONG_WORD
    export["errors"].append({"file": SCRIPT, "reason": BREAKOUT})
    mention = export["events"][0]["mentions"][0]
    planted = f"{SCRIPT} {RLO}{BREAKOUT} {LONG_WORD} "
    text = texts[mention["doc"]]
    texts[mention["doc"]] = text[:mention["start"]] + planted + text[mention["start"]:]
    shift = len(planted)
    for event in export["events"]:
        for m in event["mentions"]:
            if m["doc"] != mention["doc"]:
                continue
            m["start"] = m["start"] if m is mention else m["start"] + shift
            m["end"] += shift
            m["trigger"] = {**m["trigger"], "start": m["trigger"]["start"] + shift, "end": m["trigger"]["end"] + shift}
            m["arguments"] = [{**a, "start": a["start"] + shift, "end": a["end"] + shift} for a in m["arguments"]]
            m["sentence"] = texts[m["doc"]][m["start"]:m["end"]]
    return export, texts
