"""The data model shared by every stage.

Stand-off annotation: every span is a pair of offsets (start, end) into ``Doc.text``, the original
text of one report as read (after decoding, before any normalisation). Stages never copy strings
to carry meaning; the ``text`` fields on mentions are conveniences for export and debugging.

Spans and findings are frozen dataclasses. ``Doc`` is the one mutable container: each stage of the
pipeline adds its findings to it (see ``rasad.pipeline``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasad.text.normalise import NormText

SEGMENT_ROLES = ("body", "translation", "summary", "heading", "caption", "boilerplate")
PUBLISHED_BASES = ("header", "dateline", "text", "inferred", "unknown")
ENTITY_TYPES = ("person", "organization", "gpe", "location", "facility", "other")
EVENT_STATUSES = ("planned", "ongoing", "completed", "partial", "denied")
ATTRIBUTION_KINDS = ("outlet", "named", "anonymous", "media")
BOARD_STATUSES = ("present", "withdrawing", "withdrawn", "partial")


@dataclass(frozen=True, slots=True)
class Article:
    """A report as read from its container, before any analysis."""

    source: str  # display name: file name, or "feed.xml#3" for the third item of a feed
    text: str  # decoded text; every offset in rasad points into this string
    format: str  # text | html | jsonl | feed | stdin
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date given by the container's metadata
    body_start: int = 0  # offset where the body begins (after a metadata header such as " date …")


@dataclass(frozen=True, slots=True)
class ReadError:
    """A report that could not be read, with a one-line reason a person can act on."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph-like stretch of text with its role and language."""

    start: int
    end: int
    role: str  # one of SEGMENT_ROLES
    lang: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    segment: int  # index into Doc.segments


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A name in the text linked to one knowledge-base (or discovered) entity."""

    start: int
    end: int
    text: str
    entity: str  # entity id
    type: str  # one of ENTITY_TYPES
    discovered: bool = False  # found by a pattern, not in the knowledge base


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing: a knowledge-base entry or an entity discovered in the reports."""

    id: str
    type: str
    name_ar: str | None
    name_en: str | None
    lat: float | None = None
    lon: float | None = None
    subtype: str | None = None  # base, oil_field, crossing, camp, prison, province, …
    parent: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    precision: str | None = None  # how good the coordinates are: exact, approximate, area
    discovered: bool = False


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A temporal expression with its ISO value (day, month, year, ``start/end`` or ``../end``)."""

    start: int
    end: int
    text: str
    value: str | None  # None when it cannot be resolved (no anchor)
    anchor: str = "text"  # published | event | text: what a relative value was resolved against
    inferred: bool = False  # resolved against an inferred publication date
    kind: str = "date"  # date | interval | deadline | duration | set


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says so: the outlet itself, a named person or body, an anonymous source, or a medium."""

    kind: str  # one of ATTRIBUTION_KINDS
    text: str  # the source phrase as written ("" for the outlet's own voice)
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    via: str | None = None  # a medium carrying it ("الأناضول" in "نقلت الأناضول عن ضابط")


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report's statement that something happened, is happening, or is planned."""

    doc: str  # Doc.id
    type: str
    status: str  # one of EVENT_STATUSES
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    actor: str | None = None  # entity id
    place: str | None = None  # main place entity id
    places: tuple[str, ...] = ()
    when: str | None = None  # ISO value
    time: tuple[int, int] | None = None  # span of the time expression used for `when`
    quantities: tuple[tuple[str, str], ...] = ()  # (name, value) pairs, e.g. ("troops", "900-1000")
    attribution: Attribution = field(default_factory=lambda: Attribution("outlet", ""))
    hedged: bool = False
    background: bool = False  # history told for context, not the news of the day
    role: str = "body"  # role of the segment it comes from (body, translation, summary, heading)
    arguments: tuple[tuple[int, int], ...] = ()  # spans of actor, places, time, quantities

    @property
    def quantity_map(self) -> dict[str, str]:
        return dict(self.quantities)


@dataclass(slots=True)
class Doc:
    """One report and everything the pipeline has found in it."""

    id: str
    file: str
    text: str
    norm: NormText
    format: str = "text"
    title: str | None = None
    outlet: str | None = None
    originator: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: str = "unknown"
    languages: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    translation_of: str | None = None
    duplicate_of: str | None = None
    entities: list[EntityMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)

    def segment_of(self, offset: int) -> Segment | None:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
        return None

    def content_sentences(self) -> list[Sentence]:
        """Sentences a reader takes as the report's statements (not furniture or captions)."""
        return [s for s in self.sentences if self.segments[s.segment].role in ("body", "translation", "summary")]


@dataclass(frozen=True, slots=True)
class Event:
    """One happening, fused from the mentions of one or more reports."""

    id: str
    type: str
    status: str
    mentions: tuple[EventMention, ...]
    actor: str | None = None
    place: str | None = None
    places: tuple[str, ...] = ()
    when: str | None = None
    quantities: tuple[tuple[str, str], ...] = ()
    hedged: bool = False
    background: bool = False
    corroboration: int = 1


@dataclass(frozen=True, slots=True)
class Cluster:
    """A story: reports grouped by what they share."""

    id: str
    documents: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class BoardState:
    status: str  # one of BOARD_STATUSES
    as_of: str | None
    events: tuple[str, ...]
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BoardEntry:
    """Where forces stand at one place, as of the newest report, with its history."""

    place: str
    status: str
    since: str | None
    as_of: str | None
    events: tuple[str, ...]
    documents: tuple[str, ...]
    history: tuple[BoardState, ...] = ()


@dataclass(frozen=True, slots=True)
class DisagreementSide:
    value: str
    event: str
    doc: str
    attributed_to: str
    evidence: str
    date: str | None = None  # publication date of the report that says it


@dataclass(frozen=True, slots=True)
class Disagreement:
    id: str
    about: str
    field: str  # when | status | quantity | place
    sides: tuple[DisagreementSide, ...]


@dataclass(slots=True)
class Story:
    """The fused picture of a whole corpus."""

    docs: list[Doc]
    entities: dict[str, Entity]
    events: list[Event] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    board: list[BoardEntry] = field(default_factory=list)
    board_as_of: str | None = None
    disagreements: list[Disagreement] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
