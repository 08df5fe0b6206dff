"""Places as fusion sees them: one id per place, a base and its town as one, the places that matter.

Event mentions name many places (where forces leave, where they go, the province and the country
around them). Fusion keys on the *key places* of a mention: its main place and the facilities it
names. A base named after the town it stands in (its parent) may be called by the town's name
("the Shaddadi base" / "Shaddadi"), so both share an *anchor*. A discovered entity named exactly like a knowledge-base
entity is that entity.
"""

from __future__ import annotations

from rasad.fusion.settings import FusionSettings
from rasad.model import Entity, EventMention
from rasad.text.normalise import normalise_key


def _names_after(name: str, town: str) -> bool:
    """True when a facility's name contains its town's name (both normalised)."""
    town_key = normalise_key(town)
    return bool(town_key) and town_key in normalise_key(name)


class PlaceIndex:
    """Place lookups for one fusion run."""

    def __init__(self, entities: dict[str, Entity], settings: FusionSettings) -> None:
        self.entities = entities
        self.settings = settings
        known: dict[tuple[str, str], str] = {}
        for entity in entities.values():
            if not entity.discovered:
                for name in (entity.name_ar, entity.name_en):
                    if name:
                        known.setdefault((entity.type, normalise_key(name)), entity.id)
        self._facility: dict[str, bool] = {}
        self._same: dict[str, str] = {}
        for entity in entities.values():
            if entity.discovered:
                for name in (entity.name_ar, entity.name_en):
                    kb = known.get((entity.type, normalise_key(name))) if name else None
                    if kb:
                        self._same[entity.id] = kb
                        break

    def canonical(self, place: str) -> str:
        """The knowledge-base id for a discovered duplicate, else the id itself."""
        return self._same.get(place, place)

    def container(self, place: str) -> str | None:
        """The town a facility is named after and stands in ("the Shaddadi base" in Shaddadi), if any.

        Only a base named after its town may be called by the town's name; a base that merely lies
        in a city (a base near Hasakah) is a different place from the city."""
        entity = self.entities.get(place)
        parent = self.entities.get(entity.parent) if entity and entity.parent else None
        if entity is None or parent is None or parent.subtype not in self.settings.container_subtypes:
            return None
        for own, town in ((entity.name_ar, parent.name_ar), (entity.name_en, parent.name_en)):
            if own and town and _names_after(own, town):
                return parent.id
        return None

    def anchors(self, place: str) -> frozenset[str]:
        """The place and the town it stands in: a mention of either may mean the other."""
        town = self.container(place)
        return frozenset((place, town) if town else (place,))

    def topic(self, place: str) -> str:
        """One id for a place and its town (the town when there is one)."""
        return self.container(place) or place

    def is_facility(self, place: str) -> bool:
        """True for bases, fields, camps and other facilities."""
        known = self._facility.get(place)
        if known is None:
            entity = self.entities.get(place)
            known = self._facility[place] = entity is not None and (
                entity.type == "facility" or entity.subtype in self.settings.facility_subtypes)
        return known

    def is_local(self, place: str) -> bool:
        """True for facilities and town-sized places (not provinces, regions or countries)."""
        entity = self.entities.get(place)
        return self.is_facility(place) or (entity is not None and entity.subtype in self.settings.container_subtypes)

    def specificity(self, place: str) -> int:
        """How narrow a place is: 2 for a facility, 1 for a town-sized place, 0 for anything wider."""
        return 2 if self.is_facility(place) else 1 if self.is_local(place) else 0

    def named(self, m: EventMention) -> list[str]:
        """Every place a mention names, canonical, its main place first."""
        raw = ([m.place] if m.place else []) + list(m.places)
        return list(dict.fromkeys(self.canonical(p) for p in raw))

    def key_places(self, m: EventMention) -> list[str]:
        """The main place and the facilities a mention names."""
        return self.key_of(self.named(m))

    def key_of(self, named: list[str]) -> list[str]:
        """The key places among places named (main place first): the main place and the facilities."""
        return named[:1] + [p for p in named[1:] if self.is_facility(p)]

    def board_places(self, m: EventMention) -> list[str]:
        """The places a mention moves on the board: for movements the main place and facilities
        (other places may be where forces go); otherwise also the towns it names."""
        if m.type in self.settings.movement_types:
            return self.key_places(m)
        named = self.named(m)
        return named[:1] + [p for p in named[1:] if self.is_local(p)]
