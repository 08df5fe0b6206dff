"""Shared rendering for the human-readable outputs: labels, dates, event sentences, highlights.

Everything here reads the export dict (the ``rasad.json`` structure) and returns plain text; the
HTML and Markdown writers escape it for their own format. Words and sentence templates live in
``data/report/phrases.yaml``.
"""

from __future__ import annotations

import re
from itertools import pairwise
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from rasad.paths import DATA_DIR
from rasad.report.gloss import gloss_source

LANGS = ("en", "ar")
PHRASES_FILE = DATA_DIR / "report" / "phrases.yaml"

# Embeddings, overrides and isolates let a text reorder what follows it on screen; report text
# loses them before display (LRM and RLM are kept: Arabic text uses them legitimately).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_STRONG = re.compile("[A-Za-z\u00c0-\u024f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_ISO_YEAR = re.compile(r"^\d{4}$")

Export = dict[str, Any]


@lru_cache(maxsize=1)
def load_phrases() -> dict[str, Any]:
    """The report's words and templates (data/report/phrases.yaml)."""
    return yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))


def label(group: str, key: str, lang: str) -> str:
    """A word of the report in ``lang`` (``group`` is a section of phrases.yaml, or ``ui``)."""
    entry = load_phrases().get(group, {}).get(key)
    if not entry:
        return key.replace("_", " ")
    return entry.get(lang) or entry["en"]


def board_colour(status: str) -> str:
    """The map-marker colour of a status-board state."""
    entry = load_phrases()["board_statuses"].get(status)
    return entry["colour"] if entry else "#777777"


def clean(text: str | None) -> str:
    """Report text made safe to show: bidi embeddings, overrides and isolates removed."""
    return _BIDI_CONTROLS.sub("", text or "")


def isolate(text: str) -> str:
    """Wrap right-to-left text in a bidi isolate so it cannot reorder the sentence around it."""
    text = clean(text)
    return f"{_FSI}{text}{_PDI}" if _RTL.search(text) else text


def text_direction(text: str) -> str:
    """``rtl`` or ``ltr`` by the text's first strong letter, as Unicode's bidi algorithm decides."""
    first = _STRONG.search(text or "")
    return "rtl" if first and _RTL.match(first.group()) else "ltr"


def date_precision(value: str | None) -> str:
    """How precise an ISO value is: day, month, year, interval, open or unknown."""
    if not value:
        return "unknown"
    if value.startswith(".."):
        return "open"
    if "/" in value:
        return "interval"
    if _ISO_DAY.match(value):
        return "day"
    if _ISO_MONTH.match(value):
        return "month"
    if _ISO_YEAR.match(value):
        return "year"
    return "unknown"


def date_sort_key(value: str | None) -> str:
    """A string that sorts ISO values by the day they start (open intervals by their end)."""
    if not value:
        return "9999"
    first, _, last = value.partition("/")
    return last if first == ".." else first


def display_date(value: str | None, lang: str) -> str:
    """An ISO value as a reader sees it: "2026-02-20 → 2026-03-13", "by 2026-04-22"."""
    if not value:
        return label("ui", "unknown_date", lang)
    wrap = _ltr if lang == "ar" else str
    first, _, last = (wrap(part) for part in value.partition("/"))
    if not last:
        return first
    if value.startswith(".."):
        return f"{label('ui', 'until', lang)} {last}"
    return f"{first} → {last}" if lang == "en" else f"{first} ← {last}"


def _ltr(text: str) -> str:
    """Keep a date's digits and hyphens in order inside right-to-left text."""
    return f"{_LRI}{text}{_PDI}" if text else text


def count_label(count: int, lang: str) -> str:
    """ "1 report", "3 reports"."""
    return f"{count} {label('ui', 'one_report' if count == 1 else 'corroboration', lang)}"


def event_date(event: dict[str, Any]) -> str | None:
    """The date an event is placed at on the timeline: its ``when``, else when it was first reported."""
    return event.get("when") or event.get("first_reported")


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of a sentence: ``kind`` is ``trigger`` or ``argument``."""

    start: int
    end: int
    kind: str
    role: str | None = None


def mention_marks(mention: dict[str, Any]) -> list[Mark]:
    """The trigger and argument spans of an event mention (document offsets)."""
    marks = [Mark(a["start"], a["end"], "argument", a.get("role")) for a in mention.get("arguments") or []]
    trigger = mention.get("trigger")
    if trigger:
        marks.append(Mark(trigger["start"], trigger["end"], "trigger"))
    return marks


def highlight_pieces(text: str, start: int, end: int, marks: list[Mark]) -> list[tuple[str, Mark | None]]:
    """Cut ``text[start:end]`` into pieces, each with the mark covering it (the trigger wins)."""
    inside = [m for m in marks if m.end > start and m.start < end and m.end > m.start]
    cuts = sorted({start, end} | {max(start, min(end, o)) for m in inside for o in (m.start, m.end)})
    pieces: list[tuple[str, Mark | None]] = []
    for a, b in pairwise(cuts):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        mark = next((m for m in covering if m.kind == "trigger"), covering[0] if covering else None)
        if pieces and pieces[-1][1] is mark:
            pieces[-1] = (pieces[-1][0] + clean(text[a:b]), mark)
        else:
            pieces.append((clean(text[a:b]), mark))
    return pieces


def mention_pieces(mention: dict[str, Any], texts: dict[str, str]) -> list[tuple[str, Mark | None]]:
    """A mention's sentence cut into highlighted pieces: from the report's text when it is at hand,
    else from the ``sentence`` the export carries (its marks moved to the sentence's offsets)."""
    text = texts.get(mention["doc"])
    start, end = mention.get("start", 0), mention.get("end", 0)
    marks = mention_marks(mention)
    if text is not None and 0 <= start <= end <= len(text):
        return highlight_pieces(text, start, end, marks)
    sentence = mention.get("sentence") or ""
    moved = [Mark(m.start - start, m.end - start, m.kind, m.role) for m in marks]
    return highlight_pieces(sentence, 0, len(sentence), moved)


class StoryView:
    """Look-ups over one export: entities, documents and events by id, and their names."""

    def __init__(self, export: Export) -> None:
        self.export = export
        self.entities = {e["id"]: e for e in export.get("entities") or []}
        self.documents = {d["id"]: d for d in export.get("documents") or []}
        self.events = {e["id"]: e for e in export.get("events") or []}
        self._numbers = {doc_id: n for n, doc_id in enumerate(self.documents, 1)}

    def entity_name(self, entity_id: str | None, lang: str) -> str:
        """An entity's name in ``lang`` (the other language, then its id, when missing)."""
        if not entity_id:
            return ""
        names = (self.entities.get(entity_id) or {}).get("name") or {}
        other = "ar" if lang == "en" else "en"
        return clean(names.get(lang) or names.get(other) or entity_id)

    def place_name(self, entity_id: str | None, lang: str) -> str:
        """A place's name with the place that contains it: "Qasrak base (Hasakah)"."""
        name = self.entity_name(entity_id, lang)
        parent = (self.entities.get(entity_id or "") or {}).get("parent")
        if parent and parent in self.entities:
            return f"{isolate(name)} ({isolate(self.entity_name(parent, lang))})"
        return isolate(name)

    def document_number(self, doc_id: str) -> int:
        """A report's place in the list of reports read, from 1."""
        return self._numbers.get(doc_id, 0)

    def document_label(self, doc_id: str, lang: str = "en") -> str:
        """How a report is named to a reader: its outlet, else its number in the list ("Report 3")."""
        outlet = clean((self.documents.get(doc_id) or {}).get("outlet"))
        return outlet or f"{label('ui', 'report', lang)} {self.document_number(doc_id)}"

    def document_date(self, doc_id: str) -> str | None:
        """A report's publication date."""
        return (self.documents.get(doc_id) or {}).get("published")

    def source_of(self, mention: dict[str, Any], lang: str) -> str:
        """Who says so, as a phrase: "a Kurdish source, via AFP, in Al-Akhbar"."""
        attribution = mention.get("attributed_to") or {}
        outlet = self.document_label(mention["doc"], lang)
        if attribution.get("kind", "outlet") == "outlet" or not attribution.get("text"):
            return isolate(outlet)
        if attribution.get("entity") in self.entities:
            who = self.entity_name(attribution["entity"], lang)
        else:
            who = (gloss_source(attribution["text"]) if lang == "en" else None) or attribution["text"]
        parts = [isolate(who)]
        if attribution.get("via"):
            parts.append(f"{label('ui', 'via', lang)} {isolate(attribution['via'])}")
        parts.append(f"{label('ui', 'in_report', lang)} {isolate(outlet)}")
        return ", ".join(parts) if lang == "en" else "، ".join(parts)

    def event_sentence(self, event: dict[str, Any], lang: str) -> str:
        """What happened, in ``lang``, from the event's type, status, actor and place."""
        phrases = load_phrases()
        templates = phrases["events"].get(event.get("type")) or phrases["events"]["default"]
        template = templates.get(event.get("status")) or phrases["events"]["default"]["completed"]
        actor = isolate(self.entity_name(event.get("actor"), lang)) if event.get("actor") \
            else phrases["unknown_actor"][lang]
        place = self.place_name(event["place"], lang) if event.get("place") else phrases["unknown_place"][lang]
        text = template[lang].format(actor=actor, place=place, type=label("event_types", event.get("type", ""), lang))
        return text[:1].upper() + text[1:]

    def event_line(self, event: dict[str, Any], lang: str) -> str:
        """The full English/Arabic rendering: "2026-02-23 — US forces … Source: …; also reported by …"."""
        parts = [f"{display_date(event_date(event), lang)} — {self.event_sentence(event, lang)}"]
        if event.get("hedged"):
            parts[0] += f" ({label('ui', 'hedged', lang)})"
        quantities = event.get("quantities") or {}
        if quantities:
            parts[0] += " [" + ", ".join(f"{clean(k)}: {isolate(str(v))}" for k, v in quantities.items()) + "]"
        mentions = event.get("mentions") or []
        if mentions:
            first = min(mentions, key=lambda m: (self.document_date(m["doc"]) or "9999", m["doc"]))
            parts.append(f"{label('ui', 'source', lang)}: {self.source_of(first, lang)}")
            others = sorted({self.document_label(m["doc"], lang) for m in mentions if m["doc"] != first["doc"]}
                            - {self.document_label(first["doc"], lang)})
            if others:
                semicolon, comma = ("; ", ", ") if lang == "en" else ("؛ ", "، ")
                parts[-1] += f"{semicolon}{label('ui', 'also_reported_by', lang)} " + comma.join(map(isolate, others))
        return ". ".join(parts) + "."

    def timeline(self) -> list[dict[str, Any]]:
        """Events in the order they happened (undated ones last)."""
        events = self.export.get("events") or []
        return sorted(events, key=lambda e: (date_sort_key(event_date(e)), e.get("background", False), e["id"]))

    def time_span(self) -> tuple[str | None, str | None]:
        """The first and last publication dates of the reports read."""
        dates = sorted(d["published"] for d in self.documents.values() if d.get("published"))
        return (dates[0], dates[-1]) if dates else (None, None)
