"""``report.md``: the same brief as the HTML page, as Markdown for email and chat (English headings,
Arabic renderings beside the English ones, evidence quoted in the original language)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rasad.report.gloss import gloss_source
from rasad.report.render import (
    StoryView, clean, count_label, date_precision, display_date, event_date, label, mention_pieces,
)

# Characters that would make report text into Markdown or HTML syntax (CommonMark backslash escapes).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&])")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def md_escape(text: Any) -> str:
    """Text made inert in Markdown: syntax characters escaped, kept on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(text or "")))


def md_report_text(text: Any) -> str:
    """Text from a report made inert in Markdown, its bidi controls dropped as well."""
    return md_escape(clean(str(text or "")))


def _emphasise(piece: str, marker: str) -> str:
    """Wrap a piece in emphasis, keeping its outer spaces outside (or the marker would not apply)."""
    core = piece.strip()
    if not core:
        return piece
    lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
    return f"{lead}{marker}{md_escape(core)}{marker}{trail}"


def _sentence(mention: dict[str, Any], texts: dict[str, str]) -> str:
    parts = []
    for piece, mark in mention_pieces(mention, texts):
        if mark is None:
            parts.append(md_escape(piece))
        else:
            parts.append(_emphasise(piece, "**" if mark.kind == "trigger" else "*"))
    return "".join(parts).strip()


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return lines


def _story(view: StoryView, title: str) -> list[str]:
    first, last = view.time_span()
    lines = [f"# {md_escape(title)}", "",
             f"Time span: {first or '—'} – {last or '—'} · {count_label(len(view.documents), 'en')} · "
             f"{len(view.events)} events", "", "## Reports read", ""]
    rows = [[str(view.document_number(d["id"])), md_report_text(d.get("outlet")),
             md_report_text(d.get("title") or d.get("file")),
             f"{d.get('published') or '—'} ({d.get('published_basis') or 'unknown'})",
             ", ".join(d.get("languages") or [])] for d in view.documents.values()]
    lines += _table(["#", "Outlet", "Title", "Published", "Languages"], rows)
    errors = view.export.get("errors") or []
    if errors:
        lines += ["", "Reports that could not be read:", ""]
        lines += [f"- {md_report_text(e.get('file'))}: {md_report_text(e.get('reason'))}" for e in errors]
    return lines


def _board(view: StoryView) -> list[str]:
    board = view.export.get("status_board") or {}
    as_of = f" (as of {board['as_of']})" if board.get("as_of") else ""
    rows = []
    for row in board.get("places") or []:
        history = "; ".join(f"{label('board_statuses', h['status'], 'en')} as of {h.get('as_of') or '?'}"
                            for h in row.get("history") or [])
        sources = ", ".join(f"{md_escape(view.document_label(d))} {view.document_date(d) or ''}".strip()
                            for d in row.get("documents") or [])
        rows.append([md_escape(view.entity_name(row["place"], "en")), md_escape(view.entity_name(row["place"], "ar")),
                     label("board_statuses", row["status"], "en"), row.get("since") or "", sources, history])
    if not rows:
        return ["", f"## Status board{as_of}", "", "No places."]
    table = _table(["Place", "المكان", "Status", "Since", "On whose word", "Earlier"], rows)
    return ["", f"## Status board{as_of}", "", *table]


def _timeline(view: StoryView) -> list[str]:
    lines = ["", "## Timeline", ""]
    for event in view.timeline():
        precision = label("precision", date_precision(event["when"]), "en") if event.get("when") \
            else label("ui", "first_reported", "en")
        facts = [label("statuses", event["status"], "en"), precision,
                 count_label(int(event.get("corroboration") or 1), "en")]
        if event.get("hedged"):
            facts.append("hedged")
        if event.get("background"):
            facts.append("background")
        lines.append(f"- **{md_escape(display_date(event_date(event), 'en'))}** · {' · '.join(facts)} — "
                     f"{md_escape(view.event_sentence(event, 'en'))} / {md_escape(view.event_sentence(event, 'ar'))}")
    return lines if view.events else [*lines, "No events found."]


def _side_row(view: StoryView, field: str | None, side: dict[str, Any]) -> list[str]:
    value = md_escape(display_date(side.get("value"), "en")) if field == "when" else md_report_text(side.get("value"))
    date = side.get("date") or view.document_date(side["doc"]) or ""
    report = f"{md_escape(view.document_label(side['doc']))} {date}".strip()
    who = clean(side.get("attributed_to"))
    return [value, md_escape(gloss_source(who) or who), report, md_report_text(side.get("evidence"))]


def _disagreements(view: StoryView) -> list[str]:
    lines = ["", "## Disagreements"]
    disagreements = view.export.get("disagreements") or []
    for dis in disagreements:
        rows = [_side_row(view, dis.get("field"), side) for side in dis.get("sides") or []]  # in time order
        lines += ["", f"### {md_report_text(dis.get('about'))} ({md_report_text(dis.get('field'))})", ""]
        lines += _table(["Says", "Who says so", "Report", "Evidence"], rows)
    return lines if disagreements else [*lines, "", "The sources do not disagree."]


def _evidence(view: StoryView, texts: dict[str, str]) -> list[str]:
    lines = ["", "## Evidence"]
    for event in view.timeline():
        lines += ["", f"**{md_escape(view.event_line(event, 'en'))}**", "", md_escape(view.event_line(event, "ar"))]
        for mention in event.get("mentions") or []:
            cite = f"{md_escape(view.source_of(mention, 'en'))} {view.document_date(mention['doc']) or ''}".rstrip()
            lines += ["", f"> {_sentence(mention, texts)}", ">", f"> — {cite}"]
    return lines


def render_markdown(export: dict[str, Any], texts: dict[str, str]) -> str:
    """The brief as one Markdown string."""
    view = StoryView(export)
    clusters = export.get("clusters") or []
    title = (clusters[0].get("title") if clusters else None) or label("ui", "title", "en")
    lines = (_story(view, title) + _board(view) + _timeline(view) + _disagreements(view)
             + _evidence(view, texts) + ["", f"*{md_report_text(export.get('generated_by') or 'rasad')}*", ""])
    return "\n".join(lines)


def write_markdown(export: dict[str, Any], texts: dict[str, str], path: Path) -> None:
    """Write the Markdown brief to ``path``."""
    Path(path).write_text(render_markdown(export, texts), encoding="utf-8")
