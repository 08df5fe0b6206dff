"""The knowledge base: schema, uniqueness after normalisation, parents, variants, build script."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from rasad.mentions.gazetteer import (
    GAZETTEER_DIR,
    GazetteerError,
    build_gazetteer,
    entry_files,
    load_gazetteer,
    parse_entry,
)
from rasad.model import Entity
from rasad.text.normalise import normalise_key

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_every_file_is_read_and_valid(gazetteer) -> None:
    files = {p.name for p in entry_files(GAZETTEER_DIR)}
    assert {"places.jsonl", "facilities.yaml", "organisations.yaml", "people.yaml", "media.yaml"} <= files
    assert len(gazetteer) > 3000


def test_every_data_file_has_a_source_note() -> None:
    sources = (GAZETTEER_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for path in GAZETTEER_DIR.iterdir():
        if path.suffix in (".yaml", ".jsonl", ".json"):
            assert f"`{path.name}`" in sources, f"{path.name} has no line in SOURCES.md"


def test_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for path in entry_files(GAZETTEER_DIR):
        if path.suffix == ".jsonl":
            ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line]
        else:
            ids = [raw["id"] for raw in yaml.safe_load(path.read_text(encoding="utf-8"))]
        for entry_id in ids:
            assert entry_id not in seen, f"{entry_id} in {path.name} and {seen[entry_id]}"
            seen[entry_id] = path.name


def test_duplicate_id_is_an_error(tmp_path: Path) -> None:
    entry = "- {id: x-base, type: facility, name: {en: X base}}\n"
    (tmp_path / "a.yaml").write_text(entry, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(entry, encoding="utf-8")
    with pytest.raises(GazetteerError, match="duplicate id 'x-base'"):
        build_gazetteer(tmp_path)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"id": "Bad Id", "type": "gpe", "name": {"en": "x"}}, "id must be"),
        ({"id": "x", "type": "city", "name": {"en": "x"}}, "type must be"),
        ({"id": "x", "type": "gpe", "name": {}}, "needs an Arabic or an English name"),
        ({"id": "x", "type": "gpe", "name": {"en": "x"}, "lat": 1.0}, "lat and lon go together"),
        ({"id": "x", "type": "gpe", "name": {"en": "x"}, "lat": 1.0, "lon": 2.0}, "need a precision"),
        ({"id": "x", "type": "gpe", "name": {"en": "x"}, "colour": "red"}, "unknown keys"),
        ({"id": "x", "type": "gpe", "name": {"en": "x"}, "aliases": {"fr": ["y"]}}, "keys ar and en"),
        ({"id": "x", "type": "gpe", "name": {"en": "x"}, "wikidata": "123"}, "wikidata"),
    ],
)
def test_schema_violations_name_the_file(raw: dict, problem: str) -> None:
    with pytest.raises(GazetteerError, match=problem) as info:
        parse_entry(raw, "some.yaml")
    assert str(info.value).startswith("some.yaml")


def test_parents_and_capitals_refer_to_entries(gazetteer) -> None:
    for entry in gazetteer.entries.values():
        for ref in (entry.parent, entry.capital_of):
            assert ref is None or ref in gazetteer, f"{entry.id} refers to missing {ref}"


def test_no_parent_cycles(gazetteer) -> None:
    for entry_id in gazetteer.entries:
        chain = [e.id for e in gazetteer.ancestors(entry_id)]
        assert entry_id not in chain and len(chain) == len(set(chain))


def test_surfaces_are_stable_under_normalisation(gazetteer) -> None:
    for surface, lang, _ in gazetteer.surfaces():
        assert surface and normalise_key(surface) == surface
        assert lang in ("ar", "en")


def test_same_surface_same_type_only_when_ambiguous(gazetteer) -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for surface, _, entry_id in gazetteer.surfaces():
        owners[(surface, gazetteer.entries[entry_id].type)].add(entry_id)
    clashes = []
    for (surface, kind), ids in owners.items():
        plain = [i for i in ids if not gazetteer.entries[i].ambiguous]
        if len(plain) > 1:
            clashes.append((surface, kind, sorted(plain)))
    assert not clashes, f"{len(clashes)} surfaces name two entries of one type: {clashes[:10]}"


def test_every_type_and_precision_is_known(gazetteer) -> None:
    kinds = {e.type for e in gazetteer.entries.values()}
    assert kinds <= {"person", "organization", "gpe", "location", "facility", "other"}
    for entry in gazetteer.entries.values():
        if entry.lat is not None:
            assert entry.precision in ("exact", "approximate", "area"), entry.id


def test_spelling_variants_expand_at_load(gazetteer) -> None:
    for spelling in ("قوات سورية الديموقراطية", "قوات سوريا الديمقراطية", "القوات الامريكيه", "دونالد ترامب"):
        assert gazetteer.lookup(normalise_key(spelling)), spelling
    assert [e.id for e in gazetteer.lookup(normalise_key("قسد"))] == ["sdf"]


def test_words_that_are_names_are_marked_ambiguous(gazetteer) -> None:
    for entry_id in ("omar-oil-field", "wazir-base", "al-akhbar"):
        assert gazetteer.entries[entry_id].ambiguous, entry_id
    assert gazetteer.is_common_word(normalise_key("الوزير"))
    assert not gazetteer.entries["qasrak-base"].ambiguous


def test_base_named_after_a_town_has_the_town_as_parent(gazetteer) -> None:
    assert gazetteer.entries["shaddadi-base"].parent == "shaddadi"
    assert gazetteer.entries["shaddadi"].type == "gpe"
    assert [e.id for e in gazetteer.ancestors("shaddadi")][:2] == ["hasakah-governorate", "syria"]
    assert gazetteer.country_of("qasrak-base") == "SY"
    assert "shaddadi-base" in {e.id for e in gazetteer.children("shaddadi")}


def test_places_cover_the_story_countries(gazetteer) -> None:
    syrian_provinces = [e for e in gazetteer.entries.values() if e.country == "SY" and e.subtype == "province"]
    iraqi_provinces = [e for e in gazetteer.entries.values() if e.country == "IQ" and e.subtype == "province"]
    assert len(syrian_provinces) == 14 and len(iraqi_provinces) == 19
    for country in ("SY", "IQ", "TR", "JO", "LB", "IL", "PS", "IR"):
        towns = [e for e in gazetteer.entries.values() if e.country == country and e.subtype == "town"]
        assert len(towns) >= 10, country
        assert all(t.lat is not None for t in towns)
    countries = [e for e in gazetteer.entries.values() if e.subtype == "country"]
    assert len(countries) > 200
    assert sum(1 for c in countries if c.name_ar) > 185


def test_capitals_stand_for_their_country(gazetteer) -> None:
    assert gazetteer.entries["washington"].capital_of == "united-states"
    assert gazetteer.entries["damascus"].capital_of == "syria"
    assert gazetteer.entries["paris"].capital_of == "france"


def test_to_entity_carries_names_and_coordinates(gazetteer) -> None:
    entity = gazetteer.to_entity("tanf-garrison")
    assert isinstance(entity, Entity)
    assert (entity.type, entity.subtype, entity.precision) == ("facility", "military_base", "approximate")
    assert entity.name_ar and entity.name_en and entity.lat and entity.lon


def test_validity_dates(gazetteer) -> None:
    government = gazetteer.entries["syrian-government"]
    assert government.valid_from and not government.valid_on("2020-01-01") and government.valid_on("2026-01-01")


def test_load_is_cached(gazetteer) -> None:
    assert load_gazetteer() is gazetteer


def test_places_file_is_small() -> None:
    assert (GAZETTEER_DIR / "places.jsonl").stat().st_size < 3_000_000


def test_build_script_reproduces_places(tmp_path: Path) -> None:
    out = tmp_path / "places.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteer.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (GAZETTEER_DIR / "places.jsonl").read_bytes()


def test_titles_resolve_to_the_holder_of_the_day(gazetteer) -> None:
    president = normalise_key("الرئيس السوري")
    assert gazetteer.holder_of(president, "2020-05-01") == "bashar-al-assad"
    assert gazetteer.holder_of(president, "2026-02-23") == "ahmed-al-sharaa"
    assert gazetteer.holder_of(president, "2025-01-10") is None  # between the two
    assert gazetteer.holder_of(normalise_key("الرئيس الأمريكي"), "2026-01") == "donald-trump"
    assert gazetteer.holder_of(normalise_key("US president"), "2022-06-01") == "joe-biden"


def test_title_holders_are_people_in_the_knowledge_base(gazetteer) -> None:
    assert len(gazetteer.titles) > 40
    for holders in gazetteer.titles.values():
        for holder in holders:
            assert gazetteer.entries[holder.entity].type == "person", holder.entity
            assert not holder.valid_to or (holder.valid_from or "") <= holder.valid_to


def test_variant_groups_do_not_overlap() -> None:
    groups = yaml.safe_load((GAZETTEER_DIR / "variants.yaml").read_text(encoding="utf-8"))["groups"]
    seen: dict[str, int] = {}
    for n, group in enumerate(groups):
        for word in {normalise_key(w) for w in group}:
            assert word not in seen, f"{word} is in variant groups {seen[word]} and {n}"
            seen[word] = n


def test_curated_files_do_not_repeat_a_surface_within_an_entry() -> None:
    for path in entry_files(GAZETTEER_DIR):
        if path.suffix != ".yaml":
            continue
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            entry = parse_entry(raw, path.name)
            keys = [normalise_key(s) for s, _ in entry.names()]
            repeated = {k for k in keys if keys.count(k) > 1}
            assert not repeated, f"{path.name}: {entry.id} lists {sorted(repeated)} twice"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("broken.yaml", "- {id: x, type: gpe, name: {en: x}\n", "broken.yaml: not valid YAML"),
        ("broken.jsonl", '{"id": "x", "type": "gpe", "name": {"en": "x"}}\n{"id": \n',
         "broken.jsonl:2: not valid JSON"),
        ("mapping.yaml", "id: x\n", "mapping.yaml: must be a YAML list"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path: Path, name: str, content: str, problem: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=problem):
        build_gazetteer(tmp_path)


def test_country_adjectives_resolve_to_countries(gazetteer) -> None:
    assert gazetteer.country_of_adjective(normalise_key("السورية")) == "syria"
    assert gazetteer.country_of_adjective(normalise_key("العراقية")) == "iraq"
    assert gazetteer.country_of_adjective(normalise_key("الأمريكية")) == "united-states"
    assert gazetteer.country_of_adjective(normalise_key("Syrian")) == "syria"
    assert gazetteer.country_of_adjective(normalise_key("الكبيرة")) is None
    assert all(country in gazetteer for country in set(gazetteer.demonyms.values()))
