"""Hand-built reports and a seed-like story for fusion tests (synthetic text, gold-modelled facts).

The story mirrors the shape of ``shared/gold/seeds/story.yaml`` (which reports say what, when and
with which status), with invented placeholder sentences: no report text is copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasad.model import Attribution, Doc, Entity, EntityMention, EventMention, Segment
from rasad.text.normalise import normalise_text


@dataclass
class Said:
    """One statement a test report makes: an event mention before offsets are known."""

    type: str
    status: str
    places: tuple[str, ...]
    when: str | None = None
    actor: str | None = "us-forces"
    source: str = ""
    source_kind: str = "anonymous"
    quantities: tuple[tuple[str, str], ...] = ()
    role: str = "body"
    text: str = ""


@dataclass
class ReportSpec:
    id: str
    published: str | None
    basis: str = "header"
    said: list[Said] = field(default_factory=list)
    duplicate_of: str | None = None
    translation_of: str | None = None
    extra_text: str = ""


def build_doc(spec: ReportSpec) -> Doc:
    """A Doc whose text has one sentence per statement, with mentions pointing at them."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for n, said in enumerate(spec.said):
        sentence = said.text or f"Statement {n} of {spec.id}: {said.type} {said.status} at {' and '.join(said.places)}."
        spans.append((offset, offset + len(sentence)))
        parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(parts) + (" " + spec.extra_text if spec.extra_text else "")
    mentions = []
    for said, (start, end) in zip(spec.said, spans):
        attribution = Attribution(said.source_kind, said.source) if said.source else Attribution("outlet", "")
        mentions.append(EventMention(
            doc=spec.id, type=said.type, status=said.status, trigger=(start, start + 9), sentence=(start, end),
            actor=said.actor, place=said.places[0] if said.places else None, places=said.places,
            when=said.when, quantities=said.quantities, attribution=attribution, role=said.role))
    named = [(p, start) for said, (start, _) in zip(spec.said, spans) for p in (*said.places, said.actor) if p]
    entity_mentions = [EntityMention(start, start + 1, text[start], entity, ENTITIES[entity].type if entity in ENTITIES
                                     else "other") for entity, start in named]
    return Doc(id=spec.id, file=spec.id.removeprefix("d:") + ".txt", text=text, norm=normalise_text(text),
               published=spec.published, published_basis=spec.basis if spec.published else "unknown",
               segments=[Segment(0, len(text), "body", "en")], duplicate_of=spec.duplicate_of,
               translation_of=spec.translation_of, events=mentions, entities=entity_mentions)


def _place(id_: str, type_: str, subtype: str, parent: str | None = None) -> Entity:
    return Entity(id=id_, type=type_, name_ar=None, name_en=id_.replace("-", " ").title(), subtype=subtype,
                  parent=parent)


ENTITIES: dict[str, Entity] = {e.id: e for e in [
    _place("syria", "gpe", "country"),
    _place("iraq", "gpe", "country"),
    _place("hasakah", "gpe", "province", "syria"),
    _place("deir-ezzor", "gpe", "province", "syria"),
    _place("shaddadi", "gpe", "town", "hasakah"),
    _place("rmelan", "gpe", "town", "hasakah"),
    _place("qasrak-base", "facility", "military_base", "hasakah"),
    _place("tanf-base", "facility", "military_base", "syria"),
    _place("shaddadi-base", "facility", "military_base", "shaddadi"),
    _place("kharab-al-jir-base", "facility", "military_base", "rmelan"),
    _place("malikiyah", "gpe", "town", "hasakah"),
    _place("omar-field", "facility", "oil_field", "deir-ezzor"),
    _place("conoco-field", "facility", "gas_field", "deir-ezzor"),
    _place("lifestone-base", "facility", "military_base", "hasakah"),
    _place("wazir-base", "facility", "military_base", "hasakah"),
    Entity(id="us-forces", type="organization", name_ar=None, name_en="US forces", subtype="armed_forces"),
]}

W, P = "withdrawal", "presence"


def seed_like_specs() -> list[ReportSpec]:
    """Five reports shaped like the seed story: two on 23 Feb 2026, one undated, one Feb 2026, one May 2025."""
    return [
        ReportSpec("d:r0", "2026-02-23", said=[
            Said(W, "planned", ("syria",), "2026-02-23/2026-03-23", source="government and Kurdish sources"),
            Said(W, "planned", ("syria",), "2026-02-23/2026-03-15", source="diplomatic source"),
            Said(W, "ongoing", ("qasrak-base",), "2026-02-23", source="Kurdish source"),
            Said("convoy", "ongoing", ("qasrak-base", "hasakah"), "2026-02-23"),
            Said(P, "ongoing", ("kharab-al-jir-base",), "2026-02-23"),
            Said(W, "completed", ("tanf-base",), "2026-02-09/2026-02-23"),
            Said(W, "completed", ("shaddadi-base",), "2026-02-09/2026-02-23"),
            Said("cooperation", "completed", ("syria",), "2025", actor="syria"),
        ]),
        ReportSpec("d:r1", "2026-02-23", said=[
            Said(W, "ongoing", ("qasrak-base",), "2026-02-23"),
            Said(W, "ongoing", ("qasrak-base",), "2026-02-23", role="translation"),
            Said(W, "planned", ("qasrak-base",), "2026-03-10/2026-03-23", source="security sources"),
            Said(W, "planned", ("syria",), None, quantities=(("troops", "900-1000"),)),
            Said(W, "completed", ("tanf-base",), "2025-12-23/2026-02-23"),
            Said(W, "completed", ("shaddadi-base",), "2025-12-23/2026-02-23"),
            Said(W, "completed", ("tanf-base", "shaddadi-base"), "2025-12-23/2026-02-23", role="translation"),
            Said("cooperation", "completed", ("syria",), "2025-11", actor="syria"),
        ]),
        ReportSpec("d:r2", None, said=[
            Said("convoy", "ongoing", ("qasrak-base",), None),
            Said(W, "planned", ("qasrak-base",), None, source="the sources"),
            Said(W, "planned", ("syria",), "2026-02-21/2026-04-21", source="US media",
                 quantities=(("troops", "1000"),)),
            Said(W, "planned", ("tanf-base", "shaddadi-base"), None, source="officials"),
        ], extra_text="A second column crossed today, Saturday, towards the base."),
        ReportSpec("d:r3", "2026-02", basis="text", said=[
            Said(W, "ongoing", ("shaddadi-base",), "2026-02"),
            Said(W, "planned", ("syria",), "2026-06/2026-07", source="an official in the US administration"),
            Said(W, "denied", ("syria",), None, source="Kurdish sources"),
            Said(W, "completed", ("omar-field", "conoco-field"), "../2025-08"),
            Said(W, "completed", ("lifestone-base", "wazir-base"), None),
            Said(P, "ongoing", ("rmelan", "malikiyah", "hasakah"), "2026-02", source="Kurdish sources"),
        ]),
        ReportSpec("d:r4", "2025-05-03", basis="dateline", said=[
            Said(W, "partial", ("omar-field",), "2025-05-02", quantities=(("troops_remaining", "50"),)),
            Said(W, "completed", ("conoco-field",), "2025-05-02"),
            Said(W, "completed", ("omar-field",), "2025-04-28/2025-04-29"),
            Said(W, "planned", ("syria",), "2025-05-03/2025-09-03", source="US officials"),
        ]),
    ]


def seed_like_docs() -> list[Doc]:
    """The seed-like story's reports as Docs, in file order."""
    return [build_doc(spec) for spec in seed_like_specs()]
