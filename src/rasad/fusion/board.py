"""The status board: where forces stand at each place an event speaks of, as of the newest report.

Each mention of a withdrawal, presence or handover is an observation of the places it names. The
observations of a place are read in the order of their reports (an older report never overrides a
newer one; inside one report, in the order of the events' dates), and runs of one status become
the place's states: the last is where it stands now, the others its history.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rasad.fusion.dates import Span, parse_span
from rasad.fusion.places import PlaceIndex
from rasad.fusion.reports import report_span
from rasad.model import BoardEntry, BoardState, Doc, Event, EventMention

_NO_DATE = (date.min, date.min)


@dataclass(frozen=True, slots=True)
class _Observation:
    status: str
    event: str
    mention: EventMention
    published: str | None
    reported: Span | None
    when: Span | None

    def order(self, progression: tuple[str, ...]) -> tuple:
        rank = progression.index(self.status) if self.status in progression else -1
        return (self.reported.sort_key if self.reported else _NO_DATE,
                self.when.sort_key if self.when else _NO_DATE, rank, self.event, self.mention.doc)


def _day(span: Span | None, end: bool) -> str | None:
    point = None if span is None else (span.end if end else span.start)
    return point.isoformat() if point else None


def _state(run: list[_Observation]) -> BoardState:
    last = run[-1]
    as_of = _day(last.when, True) if last.when and last.when.width == 1 else last.published
    return BoardState(status=last.status, as_of=as_of,
                      events=tuple(dict.fromkeys(o.event for o in run)),
                      documents=tuple(dict.fromkeys(o.mention.doc for o in run)))


def _since(run: list[_Observation]) -> str | None:
    """The start of the most precise date the run gives; the first report's date when it gives none."""
    dated = [o.when for o in run if o.when is not None]
    if not dated:
        return run[0].published
    return _day(min(dated, key=lambda s: (s.width, s.sort_key)), False)


def _entry(place: str, observations: list[_Observation]) -> BoardEntry:
    runs: list[list[_Observation]] = []
    for obs in observations:
        if runs and runs[-1][-1].status == obs.status:
            runs[-1].append(obs)
        else:
            runs.append([obs])
    current = runs[-1]
    since = _since(current)
    newest = max(current, key=lambda o: o.reported.sort_key if o.reported else _NO_DATE)
    return BoardEntry(place=place, status=current[-1].status, since=since, as_of=newest.published,
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
    observations: dict[str, list[_Observation]] = defaultdict(list)
    for event in events:
        for m in event.mentions:
            status = settings.transitions.get(m.type, {}).get(m.status)
            doc = by_id.get(m.doc)
            if status is None or doc is None:
                continue
            for place in places.board_places(m):
                observations[place].append(_Observation(status, event.id, m, doc.published,
                                                        report_span(doc), parse_span(m.when)))
    _fold_towns_into_facilities(observations, places)
    board = []
    for place, found in observations.items():
        found.sort(key=lambda o: o.order(settings.progression))
        board.append(_entry(place, found))
    board.sort(key=lambda b: (not places.is_facility(b.place), b.place))
    return board


def newest_report_date(docs: list[Doc]) -> str | None:
    """The publication date of the newest dated report."""
    dated = [(span.sort_key, d.published) for d in docs if (span := report_span(d)) is not None]
    return max(dated)[1] if dated else None
