"""Parse a rendered page with the standard library and list what a browser would act on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Attributes through which a page can make a request of its own.
URL_ATTRIBUTES = {"src", "href", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background"}


@dataclass
class PageFacts:
    """Tags, attributes and texts of one page."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def with_class(self, tag: str, css: str) -> list[dict[str, str]]:
        """Attributes of every ``tag`` whose class list contains ``css``."""
        return [a for t, a in self.tags if t == tag and css in (a.get("class") or "").split()]

    def external_references(self) -> list[str]:
        """Every URL-bearing attribute value or CSS url() that loads something (anything but #… and data:)."""
        found = []
        for _tag, attrs in self.tags:
            for name, value in attrs.items():
                if name in URL_ATTRIBUTES and value and not value.startswith(("#", "data:")):
                    found.append(value)
        for style in self.styles:
            found += re.findall(r"url\(\s*['\"]?(?!data:|#)([^'\")]+)", style)
            found += re.findall(r"@import", style)
        return sorted(set(found))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.facts.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.facts.scripts.append(data)
        elif self._in == "style":
            self.facts.styles.append(data)
        else:
            self.facts.text.append(data)


def parse_page(html: str) -> PageFacts:
    """What a page contains, as the standard library's HTML parser sees it."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.facts
