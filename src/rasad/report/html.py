"""``report.html``: one self-contained bilingual page (no network, no external files).

Rendered from the export dict plus the reports' texts (for highlighting). Every string that comes
from a report is escaped and put in a ``<bdi>`` so that neither markup nor bidi controls in it can
change the page. A Content-Security-Policy allows only this page's own inline style and script.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import Any

from rasad.report.gloss import gloss_source
from rasad.report.render import (
    LANGS,
    StoryView,
    board_colour,
    clean,
    count_label,
    date_precision,
    date_sort_key,
    display_date,
    event_date,
    label,
    load_phrases,
    mention_pieces,
    text_direction,
)
from rasad.report.svgmap import map_source, map_svg

ASSETS = Path(__file__).parent / "assets"
CLAIMS_SHOWN = 2  # per disputed value; more sources of the same value fold under a <details>


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _t(text: Any) -> str:
    """Report text as HTML: escaped, bidi controls dropped, isolated in a <bdi>."""
    return f"<bdi>{escape(clean(str(text)))}</bdi>" if text not in (None, "") else ""


def _bi(group: str, key: str) -> str:
    """A word of the page in both languages; CSS shows the page's language."""
    return "".join(f'<span class="l-{lang}">{escape(label(group, key, lang))}</span>' for lang in LANGS)


def _both(texts: dict[str, str], tag: str = "span", css: str = "") -> str:
    """Two renderings of one thing, English and Arabic."""
    extra = f" {css}" if css else ""
    return "".join(f'<{tag} class="l-{lang}{extra}">{escape(texts[lang])}</{tag}>' for lang in LANGS)


def _name(view: StoryView, entity_id: str) -> str:
    """An entity's name in both languages."""
    return _both({lang: view.entity_name(entity_id, lang) for lang in LANGS})


def _table(headers: tuple[str, ...], rows: list[str]) -> str:
    """A table with headers (keys of the ``ui`` phrases) and rendered ``<tr>`` rows."""
    head = "".join(f"<th>{_bi('ui', key)}</th>" for key in headers)
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _status_chip(status: str) -> str:
    return f'<span class="chip st st-{escape(status)}">{_bi("board_statuses", status)}</span>'


def _event_chip(status: str) -> str:
    return f'<span class="chip ev-{escape(status)}">{_bi("statuses", status)}</span>'


def _date(date: str | None) -> str:
    return f'<span class="date">{escape(date)}</span>' if date else ""


def _report_ref(view: StoryView, doc_id: str) -> str:
    name = "".join(f'<bdi class="l-{lang}">{escape(view.document_label(doc_id, lang))}</bdi>' for lang in LANGS)
    return f"{name} {_date(view.document_date(doc_id))}".rstrip()


def _copy_chip(view: StoryView, doc: dict[str, Any]) -> str:
    """A note that a report repeats another (a copy or a translation), which then counts once."""
    for key in ("duplicate_of", "translation_of"):
        original = doc.get(key)
        if isinstance(original, str) and original in view.documents:
            refs = {lang: f"{label('ui', key, lang)} {view.document_label(original, lang)}" for lang in LANGS}
            return f' <span class="chip">{_both(refs)}</span>'
    return ""


def _story_section(view: StoryView) -> str:
    first, last = view.time_span()
    rows = []
    for doc in view.documents.values():
        basis = doc.get("published_basis")
        basis_chip = f' <span class="chip prec">{escape(basis)}</span>' if basis and basis != "unknown" else ""
        basis_chip += _copy_chip(view, doc)
        rows.append(f'<tr><td class="num">{view.document_number(doc["id"])}</td><td>{_t(doc.get("outlet")) or "—"}</td>'
                    f'<td>{_t(doc.get("title")) + "<br>" if doc.get("title") else ""}'
                    f'<small class="file">{_t(doc.get("file"))}</small></td>'
                    f'<td>{_date(doc.get("published")) or "—"}{basis_chip}</td>'
                    f'<td>{escape(", ".join(doc.get("languages") or []))}</td></tr>')
    span = f"{escape(first)} – {escape(last or first)}" if first else "—"
    counts = (f'<p class="lede">{_bi("ui", "time_span")}: <span class="date">{span}</span> · '
              f'{_both({lang: count_label(len(view.documents), lang) for lang in LANGS})} · '
              f'{len(view.events)} {_bi("ui", "events")}</p>')
    table = _table(("number", "outlet", "report_title", "published", "languages"), rows)
    return (f'<section id="story"><h2>{_bi("ui", "story")}</h2>{counts}'
            f'<h3>{_bi("ui", "reports_read")}</h3>{table}{_errors(view)}</section>')


def _errors(view: StoryView) -> str:
    errors = view.export.get("errors") or []
    if not errors:
        return ""
    items = "".join(f"<li>{_t(e.get('file'))}: {_t(e.get('reason'))}</li>" for e in errors)
    return f'<h3>{_bi("ui", "skipped")}</h3><ul class="off-map">{items}</ul>'


def _board_row(view: StoryView, row: dict[str, Any]) -> str:
    sources = "".join(f"<li>{_report_ref(view, d)}</li>" for d in row.get("documents") or [])
    history = "; ".join(f'{_bi("board_statuses", h["status"])} {_date(h.get("as_of"))}'
                        for h in row.get("history") or [])
    earlier = f'<small>{_bi("ui", "history")}: {history}</small>' if history else ""
    return (f'<tr class="board-row" data-place="{escape(row["place"])}"><td>{_name(view, row["place"])}</td>'
            f'<td>{_status_chip(row["status"])}</td><td>{_date(row.get("since")) or "—"}</td>'
            f'<td><ul class="refs">{sources}</ul>{earlier}</td></tr>')


def _board_section(view: StoryView) -> str:
    board = view.export.get("status_board") or {}
    places = board.get("places") or []
    as_of = f' <span class="lede">{_bi("ui", "board_as_of")} {_date(board["as_of"])}</span>' \
        if board.get("as_of") else ""
    legend = "".join(f'<li class="st-{escape(s)}"><span class="dot"></span>{_bi("board_statuses", s)}</li>'
                     for s in load_phrases()["board_statuses"])
    off_map = [_name(view, p["place"]) for p in places if (view.entities.get(p["place"]) or {}).get("lat") is None]
    off = f'<p class="off-map">{_bi("ui", "not_on_map")}: {" · ".join(off_map)}</p>' if off_map else ""
    table = _table(("place", "status", "since", "on_whose_word"), [_board_row(view, row) for row in places])
    return (f'<section id="board"><h2>{_bi("ui", "board")}{as_of}</h2><div class="board-grid">'
            f'<div>{map_svg(view)}<ul class="legend">{legend}</ul>{off}</div><div>{table}</div></div></section>')


def _timeline_badges(event: dict[str, Any]) -> str:
    if event.get("when"):
        precision = f'<span class="chip prec">{_bi("precision", date_precision(event["when"]))}</span>'
    else:
        precision = f'<span class="chip prec">{_bi("ui", "first_reported")}</span>'
    badges = [_event_chip(event["status"]), precision]
    if event.get("hedged"):
        badges.append(f'<span class="chip hedged">{_bi("ui", "hedged")}</span>')
    if event.get("background"):
        badges.append(f'<span class="chip">{_bi("ui", "background")}</span>')
    count = int(event.get("corroboration") or 1)
    badges.append(f'<span class="chip">{_both({lang: count_label(count, lang) for lang in LANGS})}</span>')
    return " ".join(badges)


def _timeline_section(view: StoryView) -> str:
    items = []
    year = None
    for event in view.timeline():
        date = event_date(event)
        if date and date_sort_key(date)[:4] != year:  # a year heading where the year changes
            year = date_sort_key(date)[:4]
            items.append(f'<li class="year" aria-hidden="true">{escape(year)}</li>')
        when = _both({lang: display_date(date, lang) for lang in LANGS})
        what = _both({lang: view.event_sentence(event, lang) for lang in LANGS})
        css = "background" if event.get("background") else ""
        items.append(f'<li class="{css}" data-event="{escape(event["id"])}"><span class="when">{when}</span>'
                     f'{_timeline_badges(event)}<span class="what">{what} '
                     f'<a href="#{escape(_anchor(event["id"]))}">{_bi("ui", "evidence_link")}</a></span></li>')
    body = f'<ol class="timeline">{"".join(items)}</ol>' if items else f'<p>{_bi("ui", "no_events")}</p>'
    return f'<section id="timeline"><h2>{_bi("ui", "timeline")}</h2>{body}</section>'


def _side_value(field: str | None, value: str) -> str:
    """A disagreement side's value: a status or a date in the page's words, else as given."""
    if field == "status" and value in load_phrases()["statuses"]:
        return _bi("statuses", value)
    if field == "when":
        return _both({lang: display_date(value, lang) for lang in LANGS})
    return _t(value)


def _side_evidence(view: StoryView, side: dict[str, Any], texts: dict[str, str]) -> str:
    """The sentence a side rests on: its event mention highlighted when there is one, else as given."""
    event = view.events.get(side.get("event") or "") or {}
    evidence = clean(side.get("evidence") or "")
    for mention in event.get("mentions") or []:
        if mention["doc"] == side["doc"] and evidence in clean(mention.get("sentence") or ""):
            return _sentence_html(mention, texts)
    direction = text_direction(evidence)
    return f'<blockquote class="sentence" dir="{direction}"{_lang_of(direction)}>{_t(evidence)}</blockquote>'


def _claim(view: StoryView, side: dict[str, Any], texts: dict[str, str]) -> str:
    """One source's word on a disputed value: who, in which report, when, and the sentence."""
    who = clean(side.get("attributed_to"))
    if who in ("", "outlet"):
        said_by = _bi("attribution_kinds", "outlet")
    else:
        said_by = f'<bdi>{_both({"en": gloss_source(who) or who, "ar": who})}</bdi>'
    return (f'<div class="claim"><span class="who">{_bi("ui", "said_by")}: {said_by}</span>'
            f'<span class="where">{_bi("ui", "report")}: {_report_ref(view, side["doc"])}</span>'
            f'{_side_evidence(view, side, texts)}</div>')


def _side_group(view: StoryView, field: str | None, value: str, sides: list[dict[str, Any]],
                texts: dict[str, str]) -> str:
    """All the sources that give one value, the first few shown and the rest folded away."""
    claims = [_claim(view, side, texts) for side in sides]
    folded = ""
    if len(claims) > CLAIMS_SHOWN:
        more = len(claims) - CLAIMS_SHOWN
        folded = f'<details><summary>+{more}</summary>{"".join(claims[CLAIMS_SHOWN:])}</details>'
    count = f' <span class="chip">{_both({lang: count_label(len(sides), lang) for lang in LANGS})}</span>' \
        if len(sides) > 1 else ""
    return (f'<div class="side" data-value="{escape(value)}"><span class="value">{_side_value(field, value)}</span>'
            f'{count}{"".join(claims[:CLAIMS_SHOWN])}{folded}</div>')


def _disagreements_section(view: StoryView, texts: dict[str, str]) -> str:
    blocks = []
    for dis in view.export.get("disagreements") or []:
        by_value: dict[str, list[dict[str, Any]]] = {}
        for side in dis.get("sides") or []:  # fusion orders the sides in time; values keep that order
            by_value.setdefault(side.get("value") or "", []).append(side)
        field = dis.get("field")
        groups = "".join(_side_group(view, field, value, sides, texts) for value, sides in by_value.items())
        blocks.append(f'<div class="disagreement" data-field="{escape(field or "")}">'
                      f'<h3>{_t(dis.get("about"))} <span class="chip">{escape(field or "")}</span></h3>'
                      f'<div class="sides">{groups}</div></div>')
    body = "".join(blocks) or f'<p>{_bi("ui", "no_disagreements")}</p>'
    return f'<section id="disagreements"><h2>{_bi("ui", "disagreements")}</h2>{body}</section>'


def _lang_of(direction: str) -> str:
    """The lang attribute of a quoted sentence: the reports' right-to-left language is Arabic."""
    return ' lang="ar"' if direction == "rtl" else ""


def _anchor(event_id: str) -> str:
    return "ev-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in event_id)


def _sentence_html(mention: dict[str, Any], texts: dict[str, str]) -> str:
    pieces = mention_pieces(mention, texts)
    parts = []
    for piece, mark in pieces:
        if mark is None:
            parts.append(escape(piece))
        else:
            role = f' data-role="{escape(mark.role)}"' if mark.role else ""
            parts.append(f'<mark class="{mark.kind}"{role}>{escape(piece)}</mark>')
    direction = text_direction("".join(piece for piece, _ in pieces))
    return (f'<blockquote class="sentence" dir="{direction}"{_lang_of(direction)}>'
            f'<bdi>{"".join(parts)}</bdi></blockquote>')


def _evidence_section(view: StoryView, texts: dict[str, str]) -> str:
    blocks = []
    for event in view.timeline():
        mentions = []
        for mention in event.get("mentions") or []:
            source = _both({lang: view.source_of(mention, lang) for lang in LANGS})
            notes = f' <span class="chip hedged">{_bi("ui", "hedged")}</span>' if mention.get("hedged") else ""
            if mention.get("role") in ("translation", "summary"):  # the report repeating itself
                notes += f' <span class="chip">{_bi("roles", mention["role"])}</span>'
            mentions.append(f'<div class="mention">{_sentence_html(mention, texts)}<div class="cite">'
                            f'{_bi("ui", "source")}: {source} {_date(view.document_date(mention["doc"]))} · '
                            f'{_event_chip(mention.get("status") or event["status"])}{notes}</div></div>')
        rendering = _both({lang: view.event_line(event, lang) for lang in LANGS}, "p", "rendering")
        blocks.append(f'<div class="event" id="{escape(_anchor(event["id"]))}">{rendering}{"".join(mentions)}</div>')
    key = (f'<p class="key"><mark class="trigger">{_bi("ui", "trigger_key")}</mark> '
           f'<mark class="argument">{_bi("ui", "argument_key")}</mark></p>')
    return f'<section id="evidence"><h2>{_bi("ui", "evidence")}</h2>{key}{"".join(blocks)}</section>'


def _status_css() -> str:
    """Marker and chip colours from the data file, as CSS custom properties."""
    return "".join(f".st-{status}{{--c:{board_colour(status)}}}" for status in load_phrases()["board_statuses"])


def render_html(export: dict[str, Any], texts: dict[str, str]) -> str:
    """The report page as one HTML string."""
    view = StoryView(export)
    clusters = export.get("clusters") or []
    title = clean((clusters[0].get("title") if clusters else None) or label("ui", "title", "en"))
    style = _asset("report.css") + _status_css()
    script = _asset("report.js")
    csp = (f"default-src 'none'; style-src '{_sha256(style)}'; script-src '{_sha256(script)}'; "
           "img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'")
    nav = "".join(f'<a href="#{key}">{_bi("ui", key)}</a>'
                  for key in ("story", "board", "timeline", "disagreements", "evidence"))
    sections = "\n".join((_story_section(view), _board_section(view), _timeline_section(view),
                          _disagreements_section(view, texts), _evidence_section(view, texts)))
    footer = (f'{_bi("ui", "generated_by")}: {escape(export.get("generated_by") or "rasad")} · '
              f'{_bi("ui", "map_source")}: {escape(map_source())}')
    return Template(_asset("page.html")).substitute(
        csp=escape(csp), title=escape(title), style=style, heading=_t(title), switch=_bi("ui", "switch"),
        nav=nav, sections=sections, footer=footer, script=script)


def write_html(export: dict[str, Any], texts: dict[str, str], path: Path) -> None:
    """Write the self-contained bilingual report page to ``path``."""
    Path(path).write_text(render_html(export, texts), encoding="utf-8")
