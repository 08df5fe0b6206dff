"""Places as fusion sees them: canonical ids, anchors, key places and board places."""

from __future__ import annotations

from fusion_builders import ENTITIES

from rasad.fusion.places import PlaceIndex
from rasad.fusion.settings import load_settings
from rasad.model import Entity, EventMention


def mention(type_: str, places: tuple[str, ...]) -> EventMention:
    return EventMention(doc="d:a", type=type_, status="ongoing", trigger=(0, 1), sentence=(0, 1),
                        place=places[0], places=places)


def index(extra: list[Entity] = ()) -> PlaceIndex:
    return PlaceIndex({**ENTITIES, **{e.id: e for e in extra}}, load_settings())


def test_discovered_duplicate_of_a_known_place_is_that_place():
    twin = Entity("shaddadi-base-2", "facility", None, "Shaddadi Base", subtype="military_base", discovered=True)
    other = Entity("new-base", "facility", None, "New base", subtype="military_base", discovered=True)
    places = index([twin, other])
    assert places.canonical("shaddadi-base-2") == "shaddadi-base"
    assert places.canonical("new-base") == "new-base"


def test_a_base_shares_its_anchor_with_its_town_but_not_its_province():
    places = index()
    assert places.anchors("shaddadi-base") == {"shaddadi-base", "shaddadi"}
    assert places.anchors("qasrak-base") == {"qasrak-base"}  # its parent is a province
    assert places.topic("shaddadi-base") == "shaddadi"


def test_key_and_board_places():
    places = index()
    leaving = mention("withdrawal", ("shaddadi-base", "hasakah", "syria", "tanf-base", "rmelan"))
    assert places.key_places(leaving) == ["shaddadi-base", "tanf-base"]
    assert places.board_places(leaving) == ["shaddadi-base", "tanf-base"]  # rmelan may be where they go
    staying = mention("presence", ("rmelan", "malikiyah", "hasakah", "syria"))
    assert places.key_places(staying) == ["rmelan"]
    assert places.board_places(staying) == ["rmelan", "malikiyah"]  # towns, not the province or country
