"""The status board: where forces stand at each place an event speaks of, as of the newest report.

Each mention of a withdrawal, presence or handover is an observation of the places it names. The
observations of a place are read report date by report date, oldest first, so an older report never
overrides a newer one. The reports of one date vote, status against status:

1. the status more distinct sources give wins (a report's own voice and each source it quotes count
   once), sources whose sentence names the place counting first;
2. then the status that speaks for the later day ("withdrew this week" over "was present last month");
3. then, between stages of one withdrawal, the later stage (``later_stages``: withdrawn over withdrawing);
4. then the more specific claim, judged on the claims that speak for that day: the better attributed
   (``attribution_rank``: a named official over an anonymous source over the outlet's own voice), then
   the one about fewer places ("kept fifty troops at Omar" over "left Omar and Conoco");
5. a tie left after that is a *contest*: the board keeps the state the place had if it is one of the
   tied statuses, else the one claiming least change (``least_change``), and the contest becomes a
   disagreement when its sides come from ``min_sources`` distinct sources.

Runs of one status become the place's states: the last is where it stands now, the others its history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rasad.fusion.dates import Span, parse_span
from rasad.fusion.events import names_in_span
from rasad.fusion.places import PlaceIndex
from rasad.fusion.reports import distinct_sources, report_roots, report_span
from rasad.fusion.settings import FusionSettings
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
    spread: int  # how many places the mention moves on the board (fewer: a claim about this place)

    @property
    def report_key(self) -> tuple[date, date]:
        return self.reported.sort_key if self.reported else _NO_DATE

    @property
    def until(self) -> date:
        """The last day the observation speaks for ("completed in the past two months": today)."""
        return (self.when.end or date.max) if self.when else date.min


@dataclass(frozen=True, slots=True)
class Contest:
    """Reports of one date that give a place statuses the board cannot decide between."""

    place: str
    observations: tuple[_Observation, ...]


def _sources(found: list[_Observation]) -> int:
    return len(distinct_sources((o.root, o.mention) for o in found))


def _specificity(found: list[_Observation], settings: FusionSettings) -> tuple[int, int]:
    """How specific the best claim for a status is, among its claims about the latest day."""
    latest = max(o.until for o in found)
    return max((settings.attribution_rank.get(o.mention.attribution.kind, 0), -o.spread)
               for o in found if o.until == latest)


def _verdict(same_date: list[_Observation], previous: str | None,
             settings: FusionSettings) -> tuple[list[_Observation], list[_Observation]]:
    """The observations behind the status that reports of one date give, and the observations of a
    contest when the statuses tie on every rule ([] otherwise)."""
    by_status: dict[str, list[_Observation]] = defaultdict(list)
    for obs in same_date:
        by_status[obs.status].append(obs)

    def support(status: str) -> tuple:
        found = by_status[status]
        return (_sources([o for o in found if o.named]), _sources(found), max(o.until for o in found))

    def best(statuses: list[str], key: Callable[[str], tuple]) -> list[str]:
        top = max(key(s) for s in statuses)
        return [s for s in statuses if key(s) == top]

    tied = best(sorted(by_status), support)
    tied = [s for s in tied if not settings.later_stages.get(s, frozenset()) & set(tied)] or tied
    tied = best(tied, lambda s: _specificity(by_status[s], settings))
    if len(tied) == 1:
        return by_status[tied[0]], []
    rank = {s: n for n, s in enumerate(settings.least_change)}
    chosen = previous if previous in tied else min(tied, key=lambda s: (rank.get(s, len(rank)), s))
    contested = [o for s in tied for o in by_status[s]]
    return by_status[chosen], (contested if _sources(contested) >= settings.min_sources else [])


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


def _entry(place: str, observations: list[_Observation], settings: FusionSettings,
           contests: list[Contest]) -> BoardEntry:
    by_date: dict[tuple[date, date], list[_Observation]] = defaultdict(list)
    for obs in observations:
        by_date[obs.report_key].append(obs)
    runs: list[list[_Observation]] = []
    for key in sorted(by_date):
        supporters, contested = _verdict(by_date[key], runs[-1][-1].status if runs else None, settings)
        if contested:
            contests.append(Contest(place, tuple(contested)))
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


def assess_board(events: list[Event], docs: list[Doc], places: PlaceIndex) -> tuple[list[BoardEntry], list[Contest]]:
    """One entry per place an event moves, facilities first; and the contests it could not decide."""
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
            moved = places.board_places(m)
            for place in moved:
                observations[place].append(_Observation(
                    status, event.id, m, roots.get(m.doc, m.doc), bool(places.anchors(place) & named),
                    doc.published, report_span(doc), parse_span(m.when), len(moved)))
    _fold_towns_into_facilities(observations, places)
    board: list[BoardEntry] = []
    contests: list[Contest] = []
    for place in sorted(observations):
        found = observations[place]
        found.sort(key=lambda o: (o.report_key, o.until, o.event, o.mention.doc, o.mention.trigger))
        board.append(_entry(place, found, settings, contests))
    board.sort(key=lambda b: (not places.is_facility(b.place), b.place))
    return board, contests


def build_board(events: list[Event], docs: list[Doc], places: PlaceIndex) -> list[BoardEntry]:
    """One entry per place an event moves, facilities first."""
    return assess_board(events, docs, places)[0]


def newest_report_date(docs: list[Doc]) -> str | None:
    """The publication date of the newest dated report."""
    dated = [(span.sort_key, d.published) for d in docs if (span := report_span(d)) is not None]
    return max(dated)[1] if dated else None
