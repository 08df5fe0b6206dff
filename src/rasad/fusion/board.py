"""The status board: where forces stand at each place an event speaks of, as of the newest report.

Each mention of a withdrawal, presence or handover is an observation of the places it names. The
observations of a place are read report date by report date, oldest first, so an older report never
overrides a newer one. The reports of one date vote: the status most reports give wins, reports
that name the place in the sentence counting first; a tie goes to the status that speaks for the
later day, then by `tie_order` (the later stage, a partial withdrawal over a full one). Runs of one
status become the place's states: the last is where it stands now, the others its history.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rasad.fusion.dates import Span, parse_span
from rasad.fusion.events import names_in_span
from rasad.fusion.places import PlaceIndex
from rasad.fusion.reports import report_roots, report_span
from rasad.model import BoardEntry, BoardState, Doc, Event, EventMention

_NO_DATE = (date.min, date.min)


@dataclass(frozen=True, slots=True)
class _Observation:
    status: str
    event: str
    mention: EventMention
    root: str
    named: bool  # the mention's own sentence names the place
    published: str | None
    reported: Span | None
    when: Span | None

    @property
    def report_key(self) -> tuple[date, date]:
        return self.reported.sort_key if self.reported else _NO_DATE

    @property
    def until(self) -> date:
        """The last day the observation speaks for ("completed in the past two months": today)."""
        return (self.when.end or date.max) if self.when else date.min


def _verdict(same_date: list[_Observation], tie_order: tuple[str, ...]) -> list[_Observation]:
    """The observations behind the status that reports of one date give."""
    by_status: dict[str, list[_Observation]] = defaultdict(list)
    for obs in same_date:
        by_status[obs.status].append(obs)

    def weight(status: str) -> tuple:
        found = by_status[status]
        rank = tie_order.index(status) if status in tie_order else -1
        return (len({o.root for o in found if o.named}), len({o.root for o in found}),
                max(o.until for o in found), rank, status)

    return by_status[max(by_status, key=weight)]


def _day(span: Span | None, end: bool) -> str | None:
    point = None if span is None else (span.end if end else span.start)
    return point.isoformat() if point else None


def _stated(run: list[_Observation]) -> list[_Observation]:
    """Observations whose date the text states (a time expression), else all that have a date."""
    dated = [o for o in run if o.when is not None]
    return [o for o in dated if o.mention.time is not None] or dated


def _state(run: list[_Observation]) -> BoardState:
    days = [o.when.end for o in _stated(run) if o.when and o.when.width == 1 and o.when.end]
    as_of = max(days).isoformat() if days else run[-1].published
    return BoardState(status=run[-1].status, as_of=as_of,
                      events=tuple(dict.fromkeys(o.event for o in run)),
                      documents=tuple(dict.fromkeys(o.mention.doc for o in run)))


def _since(run: list[_Observation]) -> str | None:
    """The start of the most precise date the run states; the first report's date when it states none."""
    stated = _stated(run)
    if not stated:
        return run[0].published
    best = min((o.when for o in stated if o.when), key=lambda s: (s.width, s.sort_key))
    return _day(best, False)


def _entry(place: str, observations: list[_Observation], tie_order: tuple[str, ...]) -> BoardEntry:
    by_date: dict[tuple[date, date], list[_Observation]] = defaultdict(list)
    for obs in observations:
        by_date[obs.report_key].append(obs)
    runs: list[list[_Observation]] = []
    for key in sorted(by_date):
        supporters = _verdict(by_date[key], tie_order)
        if runs and runs[-1][-1].status == supporters[0].status:
            runs[-1].extend(supporters)
        else:
            runs.append(list(supporters))
    current = runs[-1]
    newest = max(current, key=lambda o: o.report_key)
    return BoardEntry(place=place, status=current[-1].status, since=_since(current), as_of=newest.published,
                      events=tuple(dict.fromkeys(o.event for o in current)),
                      documents=tuple(dict.fromkeys(o.mention.doc for o in current)),
                      history=tuple(_state(run) for run in runs[:-1]))


def _fold_towns_into_facilities(observations: dict[str, list[_Observation]], places: PlaceIndex) -> None:
    """A town's observations join the one facility on the board that stands in it ("Shaddadi" and
    "the Shaddadi base" are one row); a town holding several facilities keeps its own row."""
    facilities_in: dict[str, list[str]] = defaultdict(list)
    for place in observations:
        town = places.container(place)
        if town and places.is_facility(place):
            facilities_in[town].append(place)
    for town, facilities in facilities_in.items():
        if len(facilities) == 1 and town in observations:
            observations[facilities[0]].extend(observations.pop(town))


def build_board(events: list[Event], docs: list[Doc], places: PlaceIndex) -> list[BoardEntry]:
    """One entry per place an event moves, facilities first."""
    settings = places.settings
    by_id = {d.id: d for d in docs}
    roots = report_roots(docs)
    lookups = {d.id: names_in_span(d, places) for d in docs}
    observations: dict[str, list[_Observation]] = defaultdict(list)
    for event in events:
        for m in event.mentions:
            status = settings.transitions.get(m.type, {}).get(m.status)
            doc = by_id.get(m.doc)
            if status is None or doc is None:
                continue
            named = lookups[m.doc](m.sentence)
            for place in places.board_places(m):
                observations[place].append(_Observation(
                    status, event.id, m, roots.get(m.doc, m.doc), bool(places.anchors(place) & named),
                    doc.published, report_span(doc), parse_span(m.when)))
    _fold_towns_into_facilities(observations, places)
    board = []
    for place, found in observations.items():
        found.sort(key=lambda o: (o.report_key, o.until, o.event, o.mention.doc, o.mention.trigger))
        board.append(_entry(place, found, settings.tie_order))
    board.sort(key=lambda b: (not places.is_facility(b.place), b.place))
    return board


def newest_report_date(docs: list[Doc]) -> str | None:
    """The publication date of the newest dated report."""
    dated = [(span.sort_key, d.published) for d in docs if (span := report_span(d)) is not None]
    return max(dated)[1] if dated else None
