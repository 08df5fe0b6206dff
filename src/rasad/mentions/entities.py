"""Entity recognition and linking: knowledge-base names, context rules and discovered names.

Names are found with one Aho-Corasick automaton over the normalised text. Every surface is also
stored with the Arabic proclitics that may be joined to it (وبالحسكة, للتحالف), and matched only
at word boundaries, longest match first. A surface shared by several entries, or one marked
``ambiguous`` (a name that is also a word), is resolved by the word before it (قاعدة / مدينة /
صحيفة …), by quotes, by a list it stands in, and by what the report named before. Names missing
from the knowledge base come from ``rasad.mentions.discovery``. One ``EntityLinker`` serves a whole
corpus, so one real thing gets one id in every report.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
import numpy as np
import yaml
from rapidfuzz import fuzz

from rasad.mentions.discovery import Candidate, discover, load_patterns
from rasad.mentions.gazetteer import Gazetteer
from rasad.mentions.transliterate import consonant_skeleton, slugify, transliterate
from rasad.model import Doc, Entity, EntityMention
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

log = logging.getLogger(__name__)

_SEPARATOR_RE = re.compile(r"[\W_]")
_NOT_WORD_OR_SPACE_RE = re.compile(r"[^\w ]|_")  # fewer matches than [\W_]: spaces stay as they are
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_FIRST_ARABIC = "\u0600"
_QUOTES_AND_SPACE = " \n«\"“'‘("
_GAP_RE = re.compile(r"[\s«»\"“”'‘’،,و]*")
_OPEN_QUOTES = "«\"“'‘"
_CLOSE_QUOTES = "»\"”'’"
_CONTEXT_CHARS = 40  # enough for the word before a name and its quote
_MIN_SHORT_NAME = 3  # letters in a surname used alone ("بارو")
_MIN_SKELETON = 3  # shorter consonant skeletons match too many names
_MIN_REBUILD = 16  # discovered names gathered before their automaton is rebuilt
# Skeletons of one name in two scripts differ by a letter or two (Barrot jnlbrt, بارو jnlbr).
_SKELETON_SIMILARITY = 85


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Proclitics and cue words, normalised."""

    before_article: tuple[str, ...]
    lam_contractions: tuple[str, ...]
    before_bare: tuple[str, ...]
    cues: dict[str, frozenset[str]]  # cue word -> subtypes it announces
    stopwords: frozenset[str]
    city_words: frozenset[str]  # words before a capital that make it the city itself
    city_clitics: frozenset[str]
    city_prepositions: frozenset[str]  # من, إلى, نحو: the city, unless a noun of message governs them
    state_source_nouns: frozenset[str]  # رسالة إلى واشنطن, بدعم من طهران: the state
    movement_verbs: frozenset[str]  # غادر الرئيس بغداد, visited Baghdad: the object is the city
    movement_window: int  # Arabic words allowed between the verb and the capital (its subject)
    movement_breaks: frozenset[str]  # words that end the verb's reach (أن, في, قال)
    movement_prepositions: frozenset[str]  # "headed to", "returned from": English verb + preposition
    adjective_heads: frozenset[str]  # nouns after which سورية is "Syrian", not Syria
    place_words: frozenset[str]  # words before a name that make it a place (في, قرب, ريف)
    place_clitics: frozenset[str]
    known_town_population: int  # towns at least this big are taken without a place context


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lexicons = DATA_DIR / "lexicons"
    clitics = yaml.safe_load((lexicons / "ar" / "clitics.yaml").read_text(encoding="utf-8"))
    patterns = yaml.safe_load((lexicons / "ar" / "entity_patterns.yaml").read_text(encoding="utf-8"))
    english = yaml.safe_load((lexicons / "en" / "entity_patterns.yaml").read_text(encoding="utf-8"))

    def keys(name: str) -> tuple[str, ...]:
        return tuple(normalise_key(w) for w in clitics.get(name) or [])

    cues: dict[str, set[str]] = {}
    for subtype, words in (patterns.get("cues") or {}).items():
        for word in words:
            cues.setdefault(normalise_key(word), set()).add(subtype)
    return _Lexicon(
        keys("before_article"), keys("lam_contractions"), keys("before_bare"),
        {w: frozenset(s) for w, s in cues.items()},
        frozenset(normalise_key(w) for w in patterns.get("stopwords") or []),
        frozenset(normalise_key(w) for w in [*patterns.get("city_words", []), *english.get("city_words", [])]),
        frozenset(normalise_key(w) for w in patterns.get("city_clitics") or []),
        frozenset(normalise_key(w) for w in patterns.get("city_prepositions") or []),
        frozenset(normalise_key(w) for w in patterns.get("state_source_nouns") or []),
        frozenset(normalise_key(w) for w in [*patterns.get("movement_verbs", []), *english.get("movement_verbs", [])]),
        int(patterns.get("movement_window", 0)),
        frozenset(normalise_key(w) for w in patterns.get("movement_breaks") or []),
        frozenset(normalise_key(w) for w in english.get("movement_prepositions") or []),
        frozenset(normalise_key(w) for w in patterns.get("adjective_heads") or []),
        frozenset(normalise_key(w) for w in [*patterns.get("place_words", []), *english.get("place_words", [])]),
        frozenset(normalise_key(w) for w in patterns.get("place_clitics") or []),
        int(patterns.get("known_town_population", 0)),
    )


_POSSESSIVES = ("'s", "’s", "' s", "’ s")
_CLAUSE_END_RE = re.compile(r"[.!?؟،,؛;:()\[\]\n«»\"“”]")


def _clause_before(text: str, start: int) -> list[str]:
    """The words before ``start`` back to the last punctuation mark (the clause the name is in)."""
    chunk = text[max(0, start - 2 * _CONTEXT_CHARS):start].rstrip(_QUOTES_AND_SPACE)
    return _CLAUSE_END_RE.split(chunk)[-1].split()


def _without_conjunction(word: str) -> str:
    """A word without a leading و or ف (وغادر, فزار); short words are left as they are."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _match_form(surface: str) -> str:
    """The form a surface takes in the matching text: separators as single spaces."""
    return " ".join(_SEPARATOR_RE.sub(" ", surface).split())


def _variants(surface: str, lexicon: _Lexicon) -> Iterable[tuple[str, int]]:
    """The surface with each proclitic it may carry, and how many leading characters are clitic."""
    yield surface, 0
    if not _ARABIC_RE.match(surface):
        return
    if surface.startswith("ال"):
        for prefix in lexicon.before_article:
            yield prefix + surface, len(prefix)
        for prefix in lexicon.lam_contractions:
            # ل + الحسكة is written للحسكة: the mention starts at the article's lam
            yield prefix + surface[2:], len(prefix) - 1
    else:
        for prefix in lexicon.before_bare:
            yield prefix + surface, len(prefix)


@dataclass(slots=True)
class _Entry:
    clitic: int
    length: int
    ids: list[str]


def _build_automaton(surfaces: Iterable[tuple[str, str, str]]) -> ahocorasick.Automaton:
    lexicon = _lexicon()
    entries: dict[str, _Entry] = {}
    for surface, _lang, entity_id in surfaces:
        form = _match_form(surface)
        if len(form) < 2:
            continue
        for variant, clitic in _variants(form, lexicon):
            key = variant + " "
            entry = entries.get(key)
            if entry is None or clitic < entry.clitic:
                entries[key] = _Entry(clitic, len(key), [entity_id])
            elif clitic == entry.clitic and entity_id not in entry.ids:
                entry.ids.append(entity_id)
    automaton = ahocorasick.Automaton()
    for key, entry in entries.items():
        automaton.add_word(key, (entry.clitic, entry.length, tuple(entry.ids)))
    automaton.make_automaton()
    return automaton


def _find_word(text: str, word: str, lexicon: _Lexicon) -> Iterable[int]:
    """Starts of ``word`` in the matching text as a whole word, bare or after a proclitic."""
    prefixes = lexicon.before_article if word.startswith("ال") else lexicon.before_bare
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if end == len(text) or text[end] == " ":
            prefix = text[text.rfind(" ", 0, pos) + 1:pos]
            if not prefix or prefix in prefixes:
                yield pos
        pos = text.find(word, end)


def _seats_of_namesake_provinces(gazetteer: Gazetteer) -> dict[str, str]:
    """Provinces named after their seat (محافظة الحسكة, الحسكة) -> the seat's id.

    News uses the two names for one place (the gold annotations do too), so both link to the town.
    """
    seats: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        if entry.subtype != "province" or not entry.name_ar:
            continue
        name = normalise_key(entry.name_ar)
        for child in gazetteer.children(entry.id):
            if child.subtype == "town" and child.name_ar and name.endswith(" " + normalise_key(child.name_ar)):
                seats[entry.id] = child.id
    return seats


_AUTOMATA: dict[int, tuple[Gazetteer, ahocorasick.Automaton]] = {}


def _automaton_for(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    """The automaton of a gazetteer, built once and kept for the process."""
    cached = _AUTOMATA.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        cached = (gazetteer, _build_automaton(gazetteer.surfaces()))
        _AUTOMATA[id(gazetteer)] = cached
        log.debug("entity automaton: %d keys for %d entries", len(cached[1]), len(gazetteer))
    return cached[1]


class _Hit(NamedTuple):
    """A knowledge-base surface found in the normalised text (a tuple: made by the thousand)."""

    start: int
    end: int
    ids: tuple[str, ...]
    clitic: str = ""


def _find_hits(automaton: ahocorasick.Automaton, text: str) -> list[_Hit]:
    """Longest, non-overlapping surface matches that start and end at word boundaries."""
    hits: list[_Hit] = []
    for end, (clitic, length, ids) in automaton.iter_long(text):
        start = end - length + 1
        if start > 0 and text[start - 1] != " ":
            # a match that starts inside a word may hide a real one that starts at a later word
            if text.find(" ", start, end) >= 0:
                hits.extend(_hits_within(automaton, text, start + 1, end + 1))
            continue
        hits.append(_Hit(start + clitic, end, ids, text[start:start + clitic]))
    return hits


def _hits_within(automaton: ahocorasick.Automaton, text: str, lo: int, hi: int) -> list[_Hit]:
    found = []
    for end, (clitic, length, ids) in automaton.iter(text, lo, hi):
        start = end - length + 1
        if start == 0 or text[start - 1] == " ":
            found.append(_Hit(start + clitic, end, ids, text[start:start + clitic]))
    found.sort(key=lambda h: (h.start - h.end, h.start))
    chosen: list[_Hit] = []
    for hit in found:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


class _OriginalView:
    """Slices of a report's original text addressed by normalised offsets."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc

    def __getitem__(self, span: slice) -> str:
        start, end = self._doc.norm.to_original(span.start, span.stop)
        return self._doc.text[start:end]


@dataclass(frozen=True, slots=True)
class _Context:
    """What surrounds a name: the word before it, the cues it gives, quotes, a place context."""

    word: str
    cues: frozenset[str]
    quoted: bool
    placed: bool  # a preposition of place or a list of places before it

    def announces(self, entity: Entity) -> bool:
        """Whether the cue word says this entity's kind (قاعدة for a base, مدينة for a town)."""
        return bool(self.cues) and (entity.subtype in self.cues or (entity.type == "gpe" and "town" in self.cues))


@dataclass(slots=True, eq=False)
class _Found:
    """A mention being built, in normalised offsets."""

    start: int
    end: int
    entity: str
    cues: frozenset[str] = frozenset()
    discovered: bool = False
    capital: str | None = None  # the city, when the name is a capital that may stand for its state


@dataclass(slots=True)
class _DocState:
    """What one report has named so far."""

    published: str | None = None  # the report's date: names change referents (valid from / to)
    seen: set[str] = field(default_factory=set)
    cued: set[str] = field(default_factory=set)
    found: list[_Found] = field(default_factory=list)


def _one_sense_for_capitals(state: _DocState) -> None:
    """A capital named once as the city itself (في دمشق) is the city throughout the report."""
    cities = {f.capital for f in state.found if f.capital and f.entity == f.capital}
    for found in state.found:
        if found.capital in cities:
            found.entity = found.capital
            state.seen.add(found.capital)


class _NameIndex:
    """Names discovered so far, found again in later reports.

    The automaton is rebuilt only when the names added since the last build reach a tenth of all
    (so a corpus costs linear time); names added since are looked up one by one meanwhile.
    """

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._pending: dict[str, str] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, name: str, entity_id: str) -> None:
        if name in self._names:
            return
        self._names[name] = self._pending[name] = entity_id
        if len(self._pending) >= max(_MIN_REBUILD, len(self._names) // 10):
            self._automaton = _build_automaton((n, "ar", i) for n, i in self._names.items())
            self._pending.clear()

    def find(self, matching: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, entity id) of every known name in the matching text."""
        if self._automaton is not None:
            for hit in _find_hits(self._automaton, matching):
                yield hit.start, hit.end, hit.ids[0]
        lexicon = _lexicon()
        for name, entity_id in self._pending.items():
            form = _match_form(name)
            for start in _find_word(matching, form, lexicon):
                yield start, start + len(form), entity_id


class EntityLinker:
    """Finds and links entity mentions; ``entities`` holds every entity seen so far (KB and discovered)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.entities: dict[str, Entity] = {}
        self._automaton = _automaton_for(gazetteer)
        self._kb: dict[str, Entity] = {}
        self._latin_forms: dict[str, dict[str, str]] = {}  # id -> match form -> name as written
        self._ambiguous = frozenset(i for i, e in gazetteer.entries.items() if e.ambiguous)
        self._seats = _seats_of_namesake_provinces(gazetteer)
        self._plain: dict[str, bool] = {}
        self._discovered: dict[tuple[str, str], str] = {}  # (type, normalised name) -> id
        self._skeletons: dict[tuple[str, str | None, str], str] = {}  # (type, subtype, skeleton) -> id
        self._discovered_names = _NameIndex()  # bare normalised names of discovered entities

    def _kb_entity(self, entity_id: str) -> Entity:
        entity = self._kb.get(entity_id)
        if entity is None:
            entity = self._kb[entity_id] = self.gazetteer.to_entity(entity_id)
        return entity

    def find_entities(self, doc: Doc) -> list[EntityMention]:
        """Every named entity mention in ``doc``, linked; new entities are added to ``entities``."""
        text = doc.norm.text
        matching = _NOT_WORD_OR_SPACE_RE.sub(" ", text) + " "
        state = _DocState(doc.published)
        original = _OriginalView(doc)
        for hit in _find_hits(self._automaton, matching):
            self._link_hit(hit, text, original, state)
        _one_sense_for_capitals(state)
        self._add_discovered(doc, state)
        self._add_short_names(text, matching, state)
        return self._mentions(doc, state)

    # knowledge-base names

    def _word_before(self, text: str, start: int) -> str:
        words = text[max(0, start - _CONTEXT_CHARS):start].rstrip(_QUOTES_AND_SPACE).rsplit(None, 1)
        word = words[-1] if words else ""
        return word if word.isalpha() else ""

    def _cues_before(self, word: str) -> frozenset[str]:
        lexicon = _lexicon()
        cues = lexicon.cues.get(word)
        if cues is None:
            for prefix in lexicon.before_bare:
                if word.startswith(prefix) and word[len(prefix):] in lexicon.cues:
                    return lexicon.cues[word[len(prefix):]]
            return frozenset()
        return cues

    def _in_list_after(self, text: str, start: int, state: _DocState) -> frozenset[str]:
        """Cues inherited from the cued name just before, in a list ("قاعدتي «العمر» و«كونيكو»")."""
        if not state.found:
            return frozenset()
        last = state.found[-1]
        gap = _GAP_RE.match(text, last.end, start)
        if last.cues and gap and gap.end() == start and "و" in text[last.end:start]:
            return last.cues
        return frozenset()

    def _needs_cue(self, entity_id: str, surface: str) -> bool:
        if entity_id not in self._ambiguous:
            return False
        if surface.startswith("ل") and not surface.startswith("ال"):
            surface = "ا" + surface  # the article of للحسكة
        return " " not in surface or self.gazetteer.is_common_word(surface)

    def _case_fits(self, entity_id: str, surface: str, written: str) -> bool:
        """English names are capitalised as the knowledge base writes them (US, not "us")."""
        forms = self._latin_forms.get(entity_id)
        if forms is None:
            forms = self._latin_forms[entity_id] = {}
            for name, lang in self.gazetteer.entries[entity_id].names():
                if lang == "en":
                    forms.setdefault(_match_form(normalise_key(name)), name)
        written_form = forms.get(_match_form(surface))
        if written_form is None or written_form[:1].islower():
            return True
        if written_form.isupper():
            return _match_form(written) == _match_form(written_form)
        return written[:1].isupper() or written[:1].isdigit()

    def _is_bare_byname(self, surface: str) -> bool:
        """A one-word name with the article (الأسد, الشرع): also a word or an adjective."""
        return " " not in surface and surface.startswith("ال")

    def _is_demonym(self, word: str) -> bool:
        """An adjective of a known place (السوداني from السودان, العراقي from العراق)."""
        if not (word.startswith("ال") and word.endswith("ي")):
            return False
        stem = word[2:-1]
        return bool(self.gazetteer.lookup("ال" + stem) or self.gazetteer.lookup(stem))

    def _as_government(self, hit: _Hit, word: str, entity_id: str, text: str) -> str:
        """A capital standing for its state (واشنطن تعلن) links to the country, not to the city."""
        country = self.gazetteer.entries[entity_id].capital_of
        lexicon = _lexicon()
        if not country or country not in self.gazetteer or hit.clitic in lexicon.city_clitics:
            return entity_id
        if not hit.clitic and self._names_the_city(text, hit, word):
            return entity_id
        return country

    def _names_the_city(self, text: str, hit: _Hit, word: str) -> bool:
        """Whether the words before a capital make it the city: في, إلى, "in", or a verb of movement."""
        lexicon = _lexicon()
        latin = not _ARABIC_RE.match(text[hit.start:hit.end])
        if latin and text.startswith(_POSSESSIVES, hit.end):
            return False  # "Ankara's position": the state
        if word in lexicon.city_words:
            return True
        words = _clause_before(text, hit.start)
        if word in lexicon.city_prepositions:
            governor = words[-2] if len(words) > 1 else ""
            return governor not in lexicon.state_source_nouns and \
                _without_conjunction(governor) not in lexicon.state_source_nouns
        if latin and len(words) > 1 and words[-1].lower() in lexicon.movement_prepositions:
            return words[-2].lower() in lexicon.movement_verbs  # "flew to Ankara", not "a letter to Ankara"
        # English puts the object right after its verb; Arabic may put the subject between them.
        reach = 1 if latin else lexicon.movement_window + 1
        for before in reversed(words[-reach:]):
            if before in lexicon.movement_verbs or _without_conjunction(before) in lexicon.movement_verbs:
                return True
            if before in lexicon.movement_breaks:
                return False
        return False

    def _is_adjective(self, word: str, surface: str) -> bool:
        """Whether a place name spelt like a feminine adjective agrees with the noun before it."""
        if " " in surface or not surface.endswith("يه"):
            return False
        definite = surface.startswith("ال")
        noun = word[2:] if definite and word.startswith("ال") else word
        return noun in _lexicon().adjective_heads and (noun != word) == definite

    def _is_plain(self, entity_id: str) -> bool:
        """Whether every mention of this entry is taken as is: no rule below can refuse or move it."""
        plain = self._plain.get(entity_id)
        if plain is None:
            entry = self.gazetteer.entries[entity_id]
            minor_town = entry.subtype == "town" and (entry.population or 0) < _lexicon().known_town_population
            plain = self._plain[entity_id] = not (
                entry.ambiguous or entry.capital_of or entity_id in self._seats or entry.type == "person"
                or minor_town)
        return plain

    def _link_hit(self, hit: _Hit, text: str, original: _OriginalView, state: _DocState) -> None:
        if len(hit.ids) == 1 and self._is_plain(hit.ids[0]) and text[hit.start] >= _FIRST_ARABIC and not (
                text.endswith("يه", hit.start, hit.end) and text.find(" ", hit.start, hit.end) < 0):
            state.seen.add(hit.ids[0])
            state.found.append(_Found(hit.start, hit.end, hit.ids[0]))
            return
        word = self._word_before(text, hit.start - len(hit.clitic))
        if not hit.clitic and self._is_adjective(word, text[hit.start:hit.end]):
            return  # وسائل إعلام سورية, الحكومة السعودية: an adjective
        context = _Context(
            word=word,
            cues=self._cues_before(word) or self._in_list_after(text, hit.start, state),
            quoted=0 < hit.start and text[hit.start - 1] in _OPEN_QUOTES and hit.end < len(text)
            and text[hit.end] in _CLOSE_QUOTES,
            placed=hit.clitic in _lexicon().place_clitics or word in _lexicon().place_words
            or self._listed_after_place(text, hit.start, state),
        )

        def score(entity_id: str) -> int:
            valid = self.gazetteer.entries[entity_id].valid_on(state.published)
            return 8 * valid + 4 * context.announces(self._kb_entity(entity_id)) + \
                2 * (entity_id in state.seen) + (entity_id not in self._ambiguous)

        best = max(hit.ids, key=score) if len(hit.ids) > 1 else hit.ids[0]
        surface = text[hit.start:hit.end]
        if not self._accept(best, surface, original, hit, context, state):
            return
        cued = context.announces(self._kb_entity(best))
        if cued or context.quoted:
            state.cued.add(best)
        place = self._seats.get(best, best)
        best = self._as_government(hit, word, place, text)
        state.seen.add(best)
        capital = place if self.gazetteer.entries[place].capital_of else None
        state.found.append(_Found(hit.start, hit.end, best, context.cues if cued else frozenset(), capital=capital))

    def _accept(self, entity_id: str, surface: str, original: _OriginalView, hit: _Hit, context: _Context,
                state: _DocState) -> bool:
        """Whether the context lets this surface name this entity."""
        entity = self._kb_entity(entity_id)
        vouched = context.announces(entity) or context.quoted or entity_id in state.cued
        if entity.subtype == "town" and entity_id not in self._ambiguous:
            vouched = vouched or context.placed  # في المدينة is "in the city": a word needs more
        if self._needs_cue(entity_id, surface) and not vouched:
            return False
        if self._is_minor_town(entity_id, surface) and not (vouched or entity_id in state.seen):
            return False  # small places named like words (المصدر, الزيارة) need a place context
        if not _ARABIC_RE.match(surface) and not self._case_fits(entity_id, surface, original[hit.start:hit.end]):
            return False
        if entity.type == "person" and self._is_bare_byname(surface):
            # الأسد, السوداني alone name someone only after the full name or a title
            return entity_id in state.seen or context.word in load_patterns().titles
        return True

    def _is_minor_town(self, entity_id: str, surface: str) -> bool:
        entry = self.gazetteer.entries[entity_id]
        if entry.subtype != "town" or entry.capital_of or " " in surface:
            return False
        return (entry.population or 0) < _lexicon().known_town_population

    def _listed_after_place(self, text: str, start: int, state: _DocState) -> bool:
        """Whether the name follows a place in a list ("في رميلان والمالكية")."""
        if not state.found:
            return False
        last = state.found[-1]
        gap = _GAP_RE.match(text, last.end, start)
        return bool(gap and gap.end() == start and "و" in text[last.end:start]) and \
            self._type_of(last.entity) in ("gpe", "facility", "location")

    # discovered names

    def _discovered_id(self, candidate: Candidate) -> str:
        key = (candidate.type, candidate.name)
        entity_id = self._discovered.get(key)
        if entity_id:
            return entity_id
        bare = candidate.name.removeprefix(f"{candidate.head} ") if candidate.head else candidate.name
        skeleton = (candidate.type, candidate.subtype, consonant_skeleton(bare))
        same = self._same_skeleton(skeleton)
        if same:  # the same name in the other script
            entity_id = self._discovered[key] = same
            self._fill_name(entity_id, candidate)
            return entity_id
        base = f"{slugify(bare)}-{candidate.en_head or candidate.subtype or candidate.type}".replace("_", "-")
        entity_id, n = base, 1
        while entity_id in self.entities or entity_id in self._discovered.values() or self._in_kb(entity_id):
            n += 1
            entity_id = f"{base}-{n}"
        self._discovered[key] = entity_id
        if skeleton[2]:
            self._skeletons[skeleton] = entity_id
        english = transliterate(bare) if candidate.lang == "ar" else bare
        if candidate.en_head:
            english = f"{english} {candidate.en_head}"
        self.entities[entity_id] = Entity(
            id=entity_id, type=candidate.type,
            name_ar=(candidate.display or candidate.name) if candidate.lang == "ar" else None,
            name_en=english, subtype=candidate.subtype, discovered=True,
        )
        if candidate.lang == "ar" and len(bare) >= _MIN_SHORT_NAME and (" " in bare or not bare.startswith("ال")):
            self._discovered_names.add(bare, entity_id)
        return entity_id

    def _same_skeleton(self, skeleton: tuple[str, str | None, str]) -> str | None:
        if len(skeleton[2]) < _MIN_SKELETON:
            return None
        if skeleton in self._skeletons:
            return self._skeletons[skeleton]
        for (kind, subtype, other), entity_id in self._skeletons.items():
            if (kind, subtype) == skeleton[:2] and fuzz.ratio(other, skeleton[2]) >= _SKELETON_SIMILARITY:
                return entity_id
        return None

    def _fill_name(self, entity_id: str, candidate: Candidate) -> None:
        """Give a discovered entity the name it lacked in the other language."""
        entity = self.entities[entity_id]
        if candidate.lang == "ar" and not entity.name_ar:
            self.entities[entity_id] = replace(entity, name_ar=candidate.display or candidate.name)
        elif candidate.lang == "en" and entity.name_ar and entity.name_en != candidate.name:
            english = f"{candidate.name} {candidate.en_head}" if candidate.en_head else candidate.name
            self.entities[entity_id] = replace(entity, name_en=english)

    def _in_kb(self, entity_id: str) -> bool:
        return entity_id in self.gazetteer

    def _add_discovered(self, doc: Doc, state: _DocState) -> None:
        norm = doc.norm
        known = [(f.start, f.end) for f in state.found]
        for candidate in discover(doc.text, norm, known):
            start, end = norm.to_norm(candidate.start), norm.to_norm(candidate.end)
            inside = [f for f in state.found if f.start < end and start < f.end]
            names = [candidate.name, f"{candidate.name} {candidate.en_head}"] if candidate.en_head else [candidate.name]
            kb = [e.id for n in names for e in self.gazetteer.lookup(normalise_key(n)) if e.type == candidate.type]
            if kb:  # the knowledge base knows the full name, written apart (قاعدة «الشدادي»)
                for f in inside:
                    state.found.remove(f)
                state.found.append(_Found(start, end, kb[0]))
                state.seen.add(kb[0])
                continue
            if any(self._type_of(f.entity) == candidate.type for f in inside):
                continue  # the knowledge base knows it
            if inside and candidate.type == "person":
                continue  # a person's name holds no place or body
            if any(f.start < start or f.end > end for f in inside):
                continue  # overlaps a known name only in part
            for f in inside:
                state.found.remove(f)
            entity_id = self._discovered_id(candidate)
            state.found.append(_Found(start, end, entity_id, discovered=True))
            state.seen.add(entity_id)
        state.found.sort(key=lambda f: f.start)

    def _type_of(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id) or self._kb_entity(entity_id)
        return entity.type

    # short names

    def _surnames(self, text: str, state: _DocState) -> dict[str, str]:
        """Last names of the people this report has named in full (بارو after جان نويل بارو)."""
        names: dict[str, str] = {}
        stopwords = _lexicon().stopwords
        for found in state.found:
            if self._type_of(found.entity) != "person":
                continue
            words = text[found.start:found.end].split()
            if len(words) > 1 and self._usable_alone(words[-1], stopwords):
                names.setdefault(words[-1], found.entity)
        return names

    def _usable_alone(self, word: str, stopwords: frozenset[str]) -> bool:
        """Whether a surname can name its bearer alone: not a word, not another known name."""
        return len(word) >= _MIN_SHORT_NAME and word not in stopwords and not self._is_demonym(word) and \
            not self.gazetteer.is_common_word(word) and not self.gazetteer.lookup(word)

    def _add_short_names(self, text: str, matching: str, state: _DocState) -> None:
        """Discovered names seen in any report, and surnames of this one, where they stand alone."""
        spans = list(self._discovered_names.find(matching))
        lexicon = _lexicon()
        for name, entity_id in self._surnames(text, state).items():
            form = _match_form(name)
            spans.extend((start, start + len(form), entity_id) for start in _find_word(matching, form, lexicon))
        taken = [(f.start, f.end) for f in state.found]
        for start, end, entity_id in spans:
            if not any(start < e and s < end for s, e in taken):
                taken.append((start, end))
                state.found.append(_Found(start, end, entity_id, discovered=entity_id not in self.gazetteer))
        state.found.sort(key=lambda f: f.start)

    # output

    def _mentions(self, doc: Doc, state: _DocState) -> list[EntityMention]:
        if not state.found:
            return []
        furniture = [(s.start, s.end) for s in doc.segments if s.role == "boilerplate"]
        furniture_starts = [s for s, _ in furniture]
        index = doc.norm.index  # one lookup for all spans instead of one call per mention
        starts = index[np.fromiter((f.start for f in state.found), dtype=np.int64, count=len(state.found))]
        ends = index[np.fromiter((f.end - 1 for f in state.found), dtype=np.int64, count=len(state.found))] + 1
        out: list[EntityMention] = []
        for found, start, end in zip(state.found, starts.tolist(), ends.tolist()):
            i = bisect.bisect_right(furniture_starts, start) - 1
            if i >= 0 and furniture[i][0] <= start < furniture[i][1]:
                continue  # page furniture is not the report
            entity = self.entities.get(found.entity)
            if entity is None:
                entity = self._kb_entity(found.entity)
                if not entity.name_en and entity.name_ar:
                    entity = replace(entity, name_en=transliterate(entity.name_ar))
                self.entities[found.entity] = entity
            out.append(EntityMention(start, end, doc.text[start:end], entity.id, entity.type, entity.discovered))
        return out
