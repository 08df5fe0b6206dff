"""The event data files: ontology complete, every entry stable under normalisation, no duplicates."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from rasad.events.lexicon import ASPECTS, LANGUAGES, event_types, settings, triggers
from rasad.events.patterns import GAP
from rasad.model import EVENT_STATUSES
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

REQUIRED_TYPES = {"withdrawal", "deployment", "convoy", "presence", "handover", "takeover", "airstrike", "clash",
                  "casualties", "detainee_transfer", "displacement", "agreement", "cooperation", "visit",
                  "statement", "regime_change", "other"}
FILES = ["events", "status", "hedges", "attribution", "background", "quantities"]


def test_ontology_has_every_type_with_codes() -> None:
    types = event_types()
    assert set(types) == REQUIRED_TYPES
    for spec in types.values():
        assert spec.definition and spec.default_status in EVENT_STATUSES
        assert set(spec.codes) == {"plover", "cameo", "acled"} and all(spec.codes.values())
        assert set(spec.absorbed_by) <= REQUIRED_TYPES
    raw = yaml.safe_load((DATA_DIR / "ontology" / "events.yaml").read_text(encoding="utf-8"))
    assert set(raw["statuses"]) == set(EVENT_STATUSES) and "hedged" in raw["flags"]


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    return []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", FILES)
def test_lexicon_entries_have_no_duplicates_after_normalisation(lang: str, name: str) -> None:
    raw = yaml.safe_load((DATA_DIR / "lexicons" / lang / f"{name}.yaml").read_text(encoding="utf-8"))
    groups = raw["triggers"] if name == "events" else raw
    for group_name, group in groups.items():
        lists = group.values() if isinstance(group, dict) else [group]
        for forms in lists:
            if not isinstance(forms, list):
                continue
            keys = Counter(normalise_key(f) for f in forms)
            dupes = [k for k, n in keys.items() if n > 1]
            assert not dupes, f"{lang}/{name}.yaml {group_name}: duplicates {dupes}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_trigger_aspects_are_known_and_forms_normalised(lang: str) -> None:
    raw = yaml.safe_load((DATA_DIR / "lexicons" / lang / "events.yaml").read_text(encoding="utf-8"))
    for groups in raw["triggers"].values():
        assert set(groups) <= set(ASPECTS) | set(EVENT_STATUSES)
    lexicon = triggers(lang)
    for form in lexicon.senses:
        assert form == normalise_key(form) and GAP not in form


def test_trigger_form_shared_by_two_types_is_deliberate() -> None:
    shared = {form: {t for t, _ in senses} for form, senses in triggers("ar").senses.items()}
    assert all(len(types) == 1 for types in shared.values() if not types & {"airstrike", "takeover"}), \
        {f: t for f, t in shared.items() if len(t) > 1}


def test_settings_are_positive_distances() -> None:
    values = settings()
    assert all(isinstance(getattr(values, name), int) and getattr(values, name) > 0 for name in values.__slots__)
