"""The knowledge base: places, facilities, organisations and people, loaded from data/gazetteer.

Entries live in YAML lists (hand-curated) and JSON Lines (``places.jsonl``, derived from GeoNames
by ``scripts/build_gazetteer.py``), all in the schema of ``docs/ARCHITECTURE.md``. Every surface
(name, alias, acronym) is normalised at load with ``normalise_key``, the function that normalises
article text, and spelling variants are expanded by the rules in ``variants.yaml``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from rasad.model import ENTITY_TYPES, Entity
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

__all__ = ["Gazetteer", "GazetteerEntry", "GazetteerError", "TitleHolder", "load_gazetteer"]

log = logging.getLogger(__name__)

GAZETTEER_DIR = DATA_DIR / "gazetteer"
# Files in the gazetteer folder that hold rules, not entries.
_RULE_FILES = frozenset(
    {"build.yaml", "common_words.yaml", "country_names.yaml", "demonyms.yaml", "place_overrides.yaml", "titles.yaml",
     "variants.yaml"}
)
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
PRECISIONS = ("exact", "approximate", "area")
_KEYS = frozenset(
    {
        "id", "type", "subtype", "name", "aliases", "acronyms", "parent", "lat", "lon", "precision",
        "country", "valid", "geonames", "wikidata", "ambiguous", "population", "capital_of",
        "admin1",  # GeoNames admin1 code of a province, read by scripts/build_gazetteer.py
    }
)
# More variants than this for one surface means a rule is too broad; the rest are dropped.
_MAX_VARIANTS = 32


class GazetteerError(ValueError):
    """A gazetteer file breaks the schema; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One knowledge-base entry, as written in the data files (surfaces not yet normalised)."""

    id: str
    type: str
    subtype: str | None = None
    name_ar: str | None = None
    name_en: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    country: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    geonames: int | None = None
    wikidata: str | None = None
    ambiguous: bool = False
    population: int | None = None
    capital_of: str | None = None  # for a capital city: the id of the country it stands for

    def names(self) -> Iterator[tuple[str, str]]:
        """Every written surface with its language: names, aliases and acronyms."""
        for lang, name in (("ar", self.name_ar), ("en", self.name_en)):
            if name:
                yield name, lang
        for alias in self.aliases_ar:
            yield alias, "ar"
        for alias in self.aliases_en:
            yield alias, "en"
        for acronym in self.acronyms:
            yield acronym, "ar" if _ARABIC_RE.search(acronym) else "en"

    def valid_on(self, day: str | None) -> bool:
        """Whether the entry's name had this referent on ``day`` (ISO date; None = always)."""
        if not day:
            return True
        return (not self.valid_from or self.valid_from <= day) and (not self.valid_to or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class VariantRules:
    """Interchangeable spellings of one word (أميركية/أمريكية), normalised; applied word by word."""

    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    prefixes: tuple[str, ...] = ()  # joined words after which a variant word is still expanded

    def expand(self, key: str) -> list[str]:
        """All spellings of a normalised surface under the rules, the surface itself first."""
        words = key.split(" ")
        options = [self._options(word) for word in words]
        return [" ".join(combo) for combo in itertools.islice(itertools.product(*options), _MAX_VARIANTS)]

    def _options(self, word: str) -> tuple[str, ...]:
        if word in self.groups:
            return self.groups[word]
        for prefix in self.prefixes:
            stem = word[len(prefix):]
            if word.startswith(prefix) and stem in self.groups:
                return tuple(prefix + alt for alt in self.groups[stem])
        return (word,)


@dataclass(frozen=True, slots=True)
class TitleHolder:
    """Who held a title (الرئيس السوري) and when; ``valid_to`` None means still in office."""

    entity: str
    valid_from: str | None
    valid_to: str | None

    def held_on(self, day: str) -> bool:
        """Whether the holder held the title on ``day`` (ISO date, any precision)."""
        return (not self.valid_from or self.valid_from[: len(day)] <= day) and (
            not self.valid_to or day <= self.valid_to[: len(day)])


@dataclass(slots=True)
class Gazetteer:
    """The loaded knowledge base with its normalised surfaces and a parent index."""

    entries: dict[str, GazetteerEntry]
    common_words: frozenset[str] = frozenset()
    variants: VariantRules = field(default_factory=VariantRules)
    titles: dict[str, tuple[TitleHolder, ...]] = field(default_factory=dict)  # normalised title -> holders
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised adjective (السوريه) -> country id
    _surfaces: list[tuple[str, str, str]] = field(default_factory=list)
    _children: dict[str, list[str]] = field(default_factory=dict)
    _by_surface: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        seen: set[tuple[str, str, str]] = set()
        for entry in self.entries.values():
            for surface, lang in entry.names():
                for key in self.variants.expand(normalise_key(surface)):
                    item = (key, lang, entry.id)
                    if key and item not in seen:
                        seen.add(item)
                        self._surfaces.append(item)
                        self._by_surface.setdefault(key, []).append(entry.id)
            if entry.parent:
                self._children.setdefault(entry.parent, []).append(entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def surfaces(self) -> Iterator[tuple[str, str, str]]:
        """Every (normalised surface, language, entry id), spelling variants included."""
        return iter(self._surfaces)

    def lookup(self, key: str) -> list[GazetteerEntry]:
        """Entries one normalised surface names (several when it is ambiguous)."""
        return [self.entries[i] for i in self._by_surface.get(key, ())]

    def is_common_word(self, key: str) -> bool:
        """Whether a normalised surface is also an ordinary word, so a match needs context."""
        return key in self.common_words

    def holder_of(self, title_key: str, day: str | None) -> str | None:
        """The entry id holding a normalised title (الرئيس السوري) on ``day``; None if unknown."""
        holders = self.titles.get(title_key, ())
        if not day:
            return None
        on_day = [h.entity for h in holders if h.held_on(day)]
        return on_day[-1] if on_day else None

    def country_of_adjective(self, key: str) -> str | None:
        """The country a normalised adjective names (السوريه, syrian -> syria), or None."""
        return self.demonyms.get(key)

    def to_entity(self, entry_id: str) -> Entity:
        """The model ``Entity`` for a knowledge-base entry."""
        e = self.entries[entry_id]
        return Entity(
            id=e.id, type=e.type, name_ar=e.name_ar, name_en=e.name_en, lat=e.lat, lon=e.lon,
            subtype=e.subtype, parent=e.parent, wikidata=e.wikidata, geonames=e.geonames,
            precision=e.precision,
        )

    def children(self, entry_id: str) -> list[GazetteerEntry]:
        """Entries whose parent is ``entry_id``."""
        return [self.entries[i] for i in self._children.get(entry_id, ())]

    def ancestors(self, entry_id: str) -> list[GazetteerEntry]:
        """The parent chain of an entry, nearest first (stops on a missing id or a cycle)."""
        chain: list[GazetteerEntry] = []
        seen = {entry_id}
        parent = self.entries[entry_id].parent if entry_id in self.entries else None
        while parent and parent in self.entries and parent not in seen:
            seen.add(parent)
            chain.append(self.entries[parent])
            parent = self.entries[parent].parent
        return chain

    def country_of(self, entry_id: str) -> str | None:
        """The ISO country code of an entry, from itself or the nearest ancestor that has one."""
        for entry in [self.entries[entry_id], *self.ancestors(entry_id)]:
            if entry.country:
                return entry.country
        return None


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _lang_pair(raw: dict[str, Any], key: str, where: str) -> tuple[Any, Any]:
    value = raw.get(key) or {}
    if not isinstance(value, dict) or set(value) - {"ar", "en"}:
        raise GazetteerError(f"{where}: '{key}' must be a mapping with keys ar and en")
    return value.get("ar"), value.get("en")


def parse_entry(raw: Any, where: str) -> GazetteerEntry:
    """Check one raw entry against the schema and build it; ``where`` names the file for errors."""
    if not isinstance(raw, dict):
        raise GazetteerError(f"{where}: an entry must be a mapping")
    entry_id = raw.get("id")
    where = f"{where}: entry {entry_id!r}"
    if not isinstance(entry_id, str) or not _ID_RE.match(entry_id):
        raise GazetteerError(f"{where}: id must be lowercase ascii words joined by hyphens")
    unknown = set(raw) - _KEYS
    if unknown:
        raise GazetteerError(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("type") not in ENTITY_TYPES:
        raise GazetteerError(f"{where}: type must be one of {ENTITY_TYPES}")
    name_ar, name_en = _lang_pair(raw, "name", where)
    if not (name_ar or name_en):
        raise GazetteerError(f"{where}: needs an Arabic or an English name")
    aliases_ar, aliases_en = _lang_pair(raw, "aliases", where)
    acronyms_ar, acronyms_en = _lang_pair(raw, "acronyms", where)
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        raise GazetteerError(f"{where}: lat and lon go together")
    if lat is not None and not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
        raise GazetteerError(f"{where}: coordinates out of range")
    precision = raw.get("precision")
    if precision is not None and precision not in PRECISIONS:
        raise GazetteerError(f"{where}: precision must be one of {PRECISIONS}")
    if lat is not None and precision is None:
        raise GazetteerError(f"{where}: coordinates need a precision")
    valid = raw.get("valid") or {}
    if not isinstance(valid, dict) or set(valid) - {"from", "to"}:
        raise GazetteerError(f"{where}: valid must be a mapping with keys from and to")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q\d+", str(wikidata)):
        raise GazetteerError(f"{where}: wikidata must look like Q123")
    return GazetteerEntry(
        id=entry_id,
        type=raw["type"],
        subtype=raw.get("subtype"),
        name_ar=name_ar,
        name_en=name_en,
        aliases_ar=_strings(aliases_ar, where, "aliases.ar"),
        aliases_en=_strings(aliases_en, where, "aliases.en"),
        acronyms=_strings(acronyms_ar, where, "acronyms.ar") + _strings(acronyms_en, where, "acronyms.en"),
        parent=raw.get("parent"),
        lat=None if lat is None else float(lat),
        lon=None if lon is None else float(lon),
        precision=precision,
        country=raw.get("country"),
        valid_from=_iso(valid.get("from")),
        valid_to=_iso(valid.get("to")),
        geonames=None if raw.get("geonames") is None else int(raw["geonames"]),
        wikidata=wikidata,
        ambiguous=bool(raw.get("ambiguous", False)),
        population=None if raw.get("population") is None else int(raw["population"]),
        capital_of=raw.get("capital_of"),
    )


def _json_line(line: str, where: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"{where}: not valid JSON ({exc.msg})") from exc


def read_entry_file(path: Path) -> list[GazetteerEntry]:
    """Read the entries of one YAML list or JSON Lines file."""
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return [parse_entry(_json_line(line, f"{path.name}:{n}"), f"{path.name}:{n}")
                    for n, line in enumerate(fh, 1) if line.strip()]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path.name}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, list):
        raise GazetteerError(f"{path.name}: must be a YAML list of entries")
    return [parse_entry(raw, path.name) for raw in data]


def entry_files(data_dir: Path) -> list[Path]:
    """The files in a gazetteer folder that hold entries, in a stable order."""
    files = sorted([*data_dir.glob("*.yaml"), *data_dir.glob("*.jsonl")])
    return [f for f in files if f.name not in _RULE_FILES]


def read_common_words(path: Path) -> frozenset[str]:
    """Normalised words that are also names (with and without the article)."""
    if not path.exists():
        return frozenset()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words: set[str] = set()
    for word in itertools.chain.from_iterable(v for v in data.values() if isinstance(v, list)):
        key = normalise_key(str(word))
        bare = key[2:] if key.startswith("ال") and len(key) > 4 else key
        words.update({key, bare, "ال" + bare})
    return frozenset(words)


def read_variants(path: Path) -> VariantRules:
    """Spelling-variant groups from ``variants.yaml``, normalised."""
    if not path.exists():
        return VariantRules()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups: dict[str, tuple[str, ...]] = {}
    for group in data.get("groups") or []:
        keys = tuple(dict.fromkeys(normalise_key(str(w)) for w in group))
        for key in keys:
            groups[key] = (key, *(k for k in keys if k != key))
    prefixes = tuple(normalise_key(str(p)) for p in data.get("prefixes") or [])
    return VariantRules(groups, prefixes)


def read_titles(path: Path, variants: VariantRules) -> dict[str, tuple[TitleHolder, ...]]:
    """Titles and their holders over time from ``titles.yaml``, keyed by every normalised spelling."""
    if not path.exists():
        return {}
    titles: dict[str, tuple[TitleHolder, ...]] = {}
    for n, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], 1):
        try:
            holders = tuple(TitleHolder(str(h["id"]), _iso(h.get("from")), _iso(h.get("to"))) for h in raw["holders"])
            spellings = [*(raw["title"].get("ar") or []), *(raw["title"].get("en") or [])]
        except (KeyError, TypeError, AttributeError) as exc:
            raise GazetteerError(f"{path.name}: title {n} needs title.ar/en and holders with id: {exc}") from exc
        for spelling in spellings:
            for key in variants.expand(normalise_key(spelling)):
                titles[key] = holders
    return titles


def read_demonyms(path: Path) -> dict[str, str]:
    """Country adjectives from ``demonyms.yaml``, normalised, with and without the article."""
    if not path.exists():
        return {}
    demonyms: dict[str, str] = {}
    for country, forms in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
        for word in [*(forms.get("ar") or []), *(forms.get("en") or [])]:
            key = normalise_key(str(word))
            demonyms[key] = country
            if _ARABIC_RE.search(key):
                demonyms["ال" + key] = country
    return demonyms


def _mark_common_words(entry: GazetteerEntry, common: frozenset[str]) -> GazetteerEntry:
    if entry.ambiguous or entry.type == "person":
        return entry
    if any(normalise_key(surface) in common for surface, lang in entry.names() if lang == "ar"):
        return GazetteerEntry(**{**{f: getattr(entry, f) for f in entry.__dataclass_fields__}, "ambiguous": True})
    return entry


def build_gazetteer(data_dir: Path) -> Gazetteer:
    """Read and check every file of a gazetteer folder (no caching)."""
    common = read_common_words(data_dir / "common_words.yaml")
    entries: dict[str, GazetteerEntry] = {}
    for path in entry_files(data_dir):
        for entry in read_entry_file(path):
            if entry.id in entries:
                raise GazetteerError(f"{path.name}: duplicate id {entry.id!r}")
            entries[entry.id] = _mark_common_words(entry, common)
    for entry in entries.values():
        for ref in (entry.parent, entry.capital_of):
            if ref and ref not in entries:
                log.warning("gazetteer entry %s refers to unknown id %s", entry.id, ref)
    variants = read_variants(data_dir / "variants.yaml")
    return Gazetteer(entries, common, variants, read_titles(data_dir / "titles.yaml", variants),
                     read_demonyms(data_dir / "demonyms.yaml"))


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path) -> Gazetteer:
    return build_gazetteer(data_dir)


def load_gazetteer(data_dir: Path | str | None = None) -> Gazetteer:
    """The knowledge base from ``data_dir`` (default: the bundled one), loaded once and cached."""
    return _load_cached(Path(data_dir) if data_dir else GAZETTEER_DIR)
