"""Event lexicons and the ontology, loaded from data files and normalised at load."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from rasad.events.matcher import FormMatcher, FormScanner, proclitic_runs
from rasad.events.patterns import GAP, form_regex, noun_variants, normalise_forms
from rasad.model import EVENT_STATUSES
from rasad.paths import DATA_DIR
from rasad.text.regexes import alternation, optional_slots

LANGUAGES = ("ar", "en")
ASPECTS = ("perfect", "imperfect", "noun", "infinitive")


def _read(path: str) -> Any:
    return yaml.safe_load((DATA_DIR / path).read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class EventType:
    """One ontology entry."""

    name: str
    definition: str
    default_status: str
    codes: dict[str, str]
    needs_place: bool = False
    needs_actor: bool = False
    absorbed_by: dict[str, str] = field(default_factory=dict)  # absorbing type -> adjacent | sentence
    today_is_ongoing: bool = False  # a perfect verb dated to the publication day is still under way
    needs_military: bool = False  # kept only in a military setting (words, actor or place)
    place_left: bool = False  # the main place is the one left, not a destination ("toward Iraq")


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Trigger forms of one language: a matcher of whole words and a form -> senses table."""

    matcher: FormMatcher
    senses: dict[str, tuple[tuple[str, str], ...]]  # form -> ((event type, aspect or status), …)
    gap_heads: FormMatcher  # the first halves of forms with a gap ("نقل" of "نقل … سجين")
    gap_tails: dict[str, tuple[tuple[re.Pattern[str], str, str], ...]]  # head -> (rest, type, aspect)
    place_markers: frozenset[str]  # words after which an entity is a place, not an actor
    not_after: re.Pattern[str]  # words before a trigger that make it a state, not an act
    anaphors: CueLexicon  # generic place heads, labelled with the subtypes they refer back to
    not_actor_after: frozenset[str] = frozenset()  # words before an entity that make it governed, not the doer
    destination_markers: frozenset[str] = frozenset()  # words before a place that make it where one goes
    not_after_words: re.Pattern[str] = re.compile("(?!)")  # the first words of ``not_after``: none there, no need to search


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue forms of one language, each with its label (a status, "hedge", a source role …)."""

    matcher: FormMatcher
    labels: dict[str, str]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every cue in ``text[start:end]`` as (start, end, label)."""
        found = self.matcher.finditer(text, start, end)
        if not found:
            return []
        labels = self.labels
        return [(m.start, m.end, labels[m.form]) for m in found]


@lru_cache(maxsize=2)
def form_scanner(lang: str) -> FormScanner:
    """The one scanner that reads a text for the forms of every event lexicon of ``lang``."""
    return FormScanner()


@dataclass(frozen=True, slots=True)
class Clitics:
    """What may be joined to an event word in a language (``event_*`` in lexicons/LANG/clitics.yaml)."""

    prefixes: tuple[str, ...] = ("",)  # runs of proclitics, in the order they are tried
    gap_prefixes: tuple[str, ...] = ("",)  # before the first half of a two-part word
    suffixes: tuple[str, ...] = ()
    noun_suffixes: tuple[str, ...] = ()  # further endings of trigger nouns
    tail_prefix: str = ""  # a regex for what may be joined to the second half of a two-part word
    source_proclitic: re.Pattern[str] = re.compile("(?!)")  # one proclitic off a source-phrase word
    article: re.Pattern[str] = re.compile("(?!)")  # the article off a source head word
    conjunctions: tuple[str, ...] = ()  # the conjunctions joined to a word (و, ف), one letter each

    def conjunction(self) -> str:
        """A regex for an optional joined conjunction (a class: the engine tests it in one step)."""
        return f"[{''.join(map(re.escape, self.conjunctions))}]?" if self.conjunctions else ""

    def listed(self, word: str, words: frozenset[str]) -> bool:
        """Whether ``word`` is one of ``words``, alone or with a joined conjunction ("وفي")."""
        return word in words or (len(word) > 2 and word[0] in self.conjunctions and word[1:] in words)


@lru_cache(maxsize=2)
def clitics(lang: str) -> Clitics:
    """The clitics of event words in ``lang`` (none for a language without a clitics file)."""
    if not (DATA_DIR / f"lexicons/{lang}/clitics.yaml").exists():
        return Clitics()
    raw = _read(f"lexicons/{lang}/clitics.yaml")
    slots = [normalise_forms(slot) for slot in (raw.get("event_proclitics") or {}).values()]
    conjunctions = tuple(normalise_forms((raw.get("event_proclitics") or {}).get("conjunction") or []))
    if any(len(c) != 1 for c in conjunctions):
        raise ValueError(f"lexicons/{lang}/clitics.yaml: a conjunction is one letter: {conjunctions}")

    def leading(forms: list[str]) -> re.Pattern[str]:  # one of the forms before two more letters
        return re.compile(rf"^{alternation(forms)}(?=\w{{2}})") if forms else re.compile("(?!)")

    return Clitics(proclitic_runs(slots), (*normalise_forms(raw.get("event_gap_proclitics") or []), ""),
                   tuple(normalise_forms(raw.get("event_suffixes") or [])),
                   tuple(normalise_forms(raw.get("event_noun_suffixes") or [])),
                   optional_slots([normalise_forms(slot) for slot in (raw.get("event_tail_proclitics") or {}).values()]),
                   leading(normalise_forms(raw.get("source_proclitics") or [])),
                   leading(normalise_forms(raw.get("articles") or [])), conjunctions)


def cue_lexicon(groups: dict[str, list[str]], lang: str, suffixes: tuple[str, ...] = ()) -> CueLexicon:
    """A cue lexicon from label -> forms; a form listed under two labels keeps the first."""
    labels: dict[str, str] = {}
    for label, forms in groups.items():
        for form in normalise_forms(forms or []):
            labels.setdefault(" ".join(form.split()), label)
    return CueLexicon(form_scanner(lang).add(labels, suffixes, clitics(lang).prefixes), labels)


@dataclass(frozen=True, slots=True)
class Settings:
    """Distances the extractor works with (see ``settings:`` in ontology/events.yaml)."""

    cue_window: int
    modal_after: int
    adjacent: int
    actor_reach: int
    time_reach: int
    anaphor_reach: int
    source_words: int
    source_words_before: int
    restated_within: int
    carry_sentences: int
    narrative_sentences: int


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The extractor's distances, from the ontology file."""
    return Settings(**_read("ontology/events.yaml")["settings"])


@lru_cache(maxsize=2)
def military_context(lang: str) -> CueLexicon:
    """Words that make a sentence of ``lang`` military (for types with ``needs_military``)."""
    forms = _read(f"lexicons/{lang}/events.yaml").get("military_context") or []
    return cue_lexicon({"military": forms}, lang, clitics(lang).suffixes)


@lru_cache(maxsize=1)
def military_subtypes() -> frozenset[str]:
    """Entity subtypes that make an actor or a place military."""
    return frozenset(_read("ontology/events.yaml").get("military_subtypes") or [])


@lru_cache(maxsize=1)
def never_actor_subtypes() -> frozenset[str]:
    """Entity subtypes (towns, cities) that are never an event's actor."""
    return frozenset(_read("ontology/events.yaml").get("never_actor_subtypes") or [])


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The ontology: event type name -> EventType."""
    raw = _read("ontology/events.yaml")
    return {
        name: EventType(name, spec["definition"], spec["default_status"], dict(spec["codes"]),
                        bool(spec.get("needs_place")), bool(spec.get("needs_actor")),
                        dict(spec.get("absorbed_by") or {}), bool(spec.get("today_is_ongoing")),
                        bool(spec.get("needs_military")), bool(spec.get("place_left")))
        for name, spec in raw["types"].items()
    }


def _by_label(anaphors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Place anaphors (form -> subtypes) grouped as label -> forms, the label joining the subtypes."""
    groups: dict[str, list[str]] = {}
    for form, subtypes in anaphors.items():
        groups.setdefault(",".join(subtypes), []).append(form)
    return groups


@lru_cache(maxsize=2)
def triggers(lang: str) -> TriggerLexicon:
    """The trigger lexicon of ``lang``."""
    raw = _read(f"lexicons/{lang}/events.yaml")
    senses: dict[str, list[tuple[str, str]]] = {}
    gapped = []
    for event_type, groups in raw["triggers"].items():
        if event_type not in event_types():
            raise ValueError(f"lexicons/{lang}/events.yaml: unknown event type {event_type!r}")
        for aspect, forms in groups.items():
            if aspect not in ASPECTS and aspect not in EVENT_STATUSES:
                raise ValueError(f"lexicons/{lang}/events.yaml: unknown aspect {aspect!r} under {event_type}")
            for form in normalise_forms(forms):
                if GAP in form:
                    gapped.append((form, event_type, aspect))
                    continue
                variants = noun_variants(form) if aspect == "noun" and lang == "ar" else [form]
                for variant in variants:
                    senses.setdefault(variant, []).append((event_type, aspect))
    joined = clitics(lang)
    tails: dict[str, list[tuple[re.Pattern[str], str, str]]] = {}
    for form, event_type, aspect in gapped:
        head, rest = (part.strip() for part in form.split(GAP, 1))
        tail = rf"(?:\s+\S+){{0,4}}?\s+(?:{joined.tail_prefix})??{form_regex(rest)}\w*"
        tails.setdefault(head, []).append((re.compile(tail), event_type, aspect))
    scanner = form_scanner(lang)
    not_after = normalise_forms(raw["not_after"])
    return TriggerLexicon(
        scanner.add(senses, joined.suffixes + joined.noun_suffixes, joined.prefixes),
        {k: tuple(v) for k, v in senses.items()},
        scanner.add(tails, prefixes=joined.gap_prefixes), {k: tuple(v) for k, v in tails.items()},
        frozenset(normalise_forms(raw["place_markers"])),
        re.compile(rf"(?<![\w]){joined.conjunction()}{alternation(not_after)}\s+\Z"),
        cue_lexicon(_by_label(raw["place_anaphors"]), lang),
        frozenset(normalise_forms(raw.get("not_actor_after") or [])),
        frozenset(normalise_forms(raw.get("destination_markers") or [])),
        re.compile(alternation(f.split()[0] for f in not_after if f.split())),
    )


@lru_cache(maxsize=2)
def status_cues(lang: str) -> tuple[CueLexicon, re.Pattern[str]]:
    """Status cues of ``lang`` and its subjunctive pattern (an act not yet done)."""
    raw = _read(f"lexicons/{lang}/status.yaml")
    groups = {status: raw.get(status) or [] for status in EVENT_STATUSES}
    return cue_lexicon(groups, lang, clitics(lang).suffixes), re.compile(raw["subjunctive_pattern"])


@dataclass(frozen=True, slots=True)
class WordPatterns:
    """Patterns that end where a governed word begins (negation, the subjunctive), and denials of plans."""

    negation: re.Pattern[str]
    subjunctive_verb: re.Pattern[str]
    denials: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=2)
def word_patterns(lang: str) -> WordPatterns:
    """The negation, subjunctive and denial patterns of ``lang`` (from its status lexicon)."""
    raw = _read(f"lexicons/{lang}/status.yaml")
    return WordPatterns(re.compile(raw["negation"]), re.compile(raw["subjunctive_verb"]),
                        tuple(re.compile(p) for p in raw.get("denial_patterns") or []))


@lru_cache(maxsize=2)
def hedge_cues(lang: str) -> tuple[CueLexicon, re.Pattern[str] | None]:
    """Hedge cues of ``lang`` and a pattern for modal particles before an imperfect verb."""
    raw = _read(f"lexicons/{lang}/hedges.yaml")
    modals = normalise_forms(raw.get("before_imperfect") or [])
    modal = re.compile(rf"(?<![\w]){clitics(lang).conjunction()}(?:{'|'.join(map(re.escape, modals))})\s+[يتن]\w+") if modals else None
    return cue_lexicon({"hedge": raw["cues"]}, lang), modal


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    """Reporting cues and source-phrase heads of one language."""

    cues: CueLexicon  # labels: verb, according_to
    heads: CueLexicon  # labels: anonymous, media, title
    stops: frozenset[str]
    via: frozenset[str]
    anaphoric: frozenset[str]
    statement_heads: frozenset[str]  # without the article, as head words are compared
    needs_via: frozenset[str]  # reporting verbs that count only with a cited source
    modifiers_first: bool  # descriptions stand before the head ("Security sources"), as in English
    addressee_prefixes: tuple[str, ...] = ()  # joined prepositions that make a medium the one spoken to ("لموقع")
    resumptive: frozenset[str] = frozenset()  # pronouns resuming the source as the act's subject ("أنها")
    clitics: Clitics = Clitics()
    addressee_markers: frozenset[str] = frozenset()  # the word before the one spoken to ("إلى")

    def bare(self, word: str) -> str:
        """A word without one joined proclitic ("وقال" -> "قال")."""
        return self.clitics.source_proclitic.sub("", word)

    def head_word(self, word: str) -> str:
        """A head word without its proclitic and article ("للمصدر" -> "مصدر")."""
        return self.clitics.article.sub("", self.bare(word))


@lru_cache(maxsize=2)
def attribution_cues(lang: str) -> AttributionLexicon:
    """The attribution lexicon of ``lang``."""
    raw = _read(f"lexicons/{lang}/attribution.yaml")
    cues = cue_lexicon({"according_to": raw["according_to"], "verb": raw["verbs"]}, lang)
    heads = cue_lexicon({"anonymous": raw["anonymous_heads"], "media": raw["media_heads"],
                         "title": raw["title_heads"]}, lang)
    return AttributionLexicon(
        cues, heads,
        frozenset(normalise_forms(raw["stops"])), frozenset(normalise_forms(raw["via"])),
        frozenset(normalise_forms(raw["anaphoric"])),
        frozenset(clitics(lang).article.sub("", h) for h in normalise_forms(raw["statement_heads"])),
        frozenset(normalise_forms(raw["verbs_needing_via"])), bool(raw.get("modifiers_first")),
        tuple(sorted(normalise_forms(raw.get("addressee_prefixes") or []), key=len, reverse=True)),
        frozenset(normalise_forms(raw.get("resumptive") or [])), clitics(lang),
        frozenset(normalise_forms(raw.get("addressee_markers") or [])),
    )


@lru_cache(maxsize=2)
def background_cues(lang: str) -> tuple[re.Pattern[str], int]:
    """A pattern for sentence openers that tell earlier history, and the age that makes an event history."""
    raw = _read(f"lexicons/{lang}/background.yaml")
    openers = normalise_forms(raw["openers"])
    alt = "|".join(form_regex(f) for f in sorted(openers, key=len, reverse=True))
    return re.compile(rf"^\W*(?:{alt})(?![\w])"), int(raw["min_age_days"])
