"""Segment roles: boilerplate, caption, summary, heading or body, from the patterns in boilerplate.yaml."""

from __future__ import annotations

from rasad.text.lexicon import PageLexicon, page_lexicon

BODY, HEADING, CAPTION, SUMMARY, BOILERPLATE = "body", "heading", "caption", "summary", "boilerplate"
# Furniture, captions and headings are short: a line longer than this is a paragraph of the report,
# which spares the pattern tests on most of the text (the longest caption in the seeds is 60 characters).
MAX_FURNITURE_CHARS = 300
CAPTION_TAIL_CHARS = 100  # a credit sits at the end of its line: test only the tail


def _is_category_list(line: str, lex: PageLexicon) -> bool:
    if lex.sentence_end.search(line):
        return False
    items = [item.strip() for item in lex.category_separator.split(line)]
    return (
        len(items) >= lex.category_min_items
        and all(items)
        and all(len(item.split()) <= lex.category_max_words for item in items)
    )


def is_boilerplate(line: str, lex: PageLexicon | None = None) -> bool:
    """Whether a normalised, trimmed line is page furniture."""
    lex = lex or page_lexicon()
    return lex.boilerplate.fullmatch(line) is not None or _is_category_list(line, lex)


def is_caption(line: str, lex: PageLexicon | None = None) -> bool:
    """Whether a normalised line is a photo caption or credit."""
    lex = lex or page_lexicon()
    tail = line[-CAPTION_TAIL_CHARS:]
    return lex.caption_prefix.fullmatch(line) is not None or lex.caption_credit.search(tail) is not None


def is_heading_shaped(line: str, lex: PageLexicon | None = None) -> bool:
    """A short line that does not end like a sentence."""
    lex = lex or page_lexicon()
    return len(line.split()) <= lex.heading_max_words and not lex.sentence_end.search(line)


def assign_roles(lines: list[str], bullets: list[bool], dateline: int | None) -> list[str]:
    """Role of each normalised, trimmed line; ``dateline`` is the index of the dateline, if any."""
    lex = page_lexicon()
    roles: list[str] = []
    in_summary = False
    for i, line in enumerate(lines):
        in_summary = in_summary and bullets[i]  # the summary is the run of bullets under its marker
        if i == dateline and len(line.split()) <= lex.heading_max_words:
            roles.append(BOILERPLATE)
        elif in_summary:
            roles.append(SUMMARY)
        elif len(line) > MAX_FURNITURE_CHARS:
            roles.append(BODY)
        elif lex.summary_marker.fullmatch(line):
            roles.append(BOILERPLATE)
            in_summary = True
        elif is_boilerplate(line, lex):
            roles.append(BOILERPLATE)
        elif i > 0 and is_caption(line, lex):
            roles.append(CAPTION)
        elif not bullets[i] and is_heading_shaped(line, lex):
            roles.append(HEADING)
        else:
            roles.append(BODY)
    return roles
