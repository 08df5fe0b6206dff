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


def find_site_name(lines: list[str], lex: PageLexicon | None = None) -> int | None:
    """Index of the site-name line among the first lines, if there is one."""
    lex = lex or page_lexicon()
    for i, line in enumerate(lines[: lex.site_name_lines]):
        if i > 0 and lex.site_name.fullmatch(line):  # the first line is the title
            return i
    return None


def is_caption(line: str, lex: PageLexicon | None = None) -> bool:
    """Whether a normalised line is a photo caption or credit."""
    lex = lex or page_lexicon()
    tail = line[-CAPTION_TAIL_CHARS:]
    return lex.caption_prefix.fullmatch(line) is not None or lex.caption_credit.search(tail) is not None


def is_heading_shaped(line: str, lex: PageLexicon | None = None) -> bool:
    """A short line that does not end like a sentence."""
    lex = lex or page_lexicon()
    return len(line.split()) <= lex.heading_max_words and not lex.sentence_end.search(line)


def assign_roles(
    lines: list[str], bullets: list[bool], dateline: int | None, site_name: int | None = None
) -> list[str]:
    """Role of each normalised, trimmed line, given the indexes of the dateline and site-name line."""
    lex = page_lexicon()
    roles: list[str] = []
    in_summary = False
    for i, line in enumerate(lines):
        in_summary = in_summary and bullets[i]  # the summary is the run of bullets under its marker
        # A dateline line on its own is furniture; one that opens a sentence ("دمشق 23 … - قال …") is body.
        if i == site_name or (i == dateline and is_heading_shaped(line, lex)):
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
        elif i > 0 and is_caption(line, lex):  # a first line ending "(… لفرانس برس)" is a title's source note
            roles.append(CAPTION)
        elif not bullets[i] and is_heading_shaped(line, lex):
            roles.append(HEADING)
        else:
            roles.append(BODY)
    if BODY not in roles and SUMMARY not in roles:  # a text of short unpunctuated lines is still a text
        roles = [BODY if role == HEADING else role for role in roles]
    return roles
