"""Event fusion: one event per happening, corroboration by distinct reports, stable ids and order."""

from __future__ import annotations

import random

from fusion_builders import ENTITIES, ReportSpec, Said, build_doc, seed_like_docs, seed_like_specs

from rasad.fusion import fuse_story
from rasad.fusion.events import fuse_events
from rasad.fusion.places import PlaceIndex
from rasad.fusion.settings import load_settings


def events_at(story, type_, status, place):
    return [e for e in story.events if e.type == type_ and e.status == status and place in e.places]


def fuse(docs):
    return fuse_story(docs, ENTITIES, use_vectors=False)


def test_same_happening_across_reports_is_one_event():
    story = fuse(seed_like_docs())
    (qasrak,) = events_at(story, "withdrawal", "ongoing", "qasrak-base")
    assert {m.doc for m in qasrak.mentions} == {"d:r0", "d:r1"}
    assert qasrak.corroboration == 2  # r1's translation half adds no source
    (tanf,) = events_at(story, "withdrawal", "completed", "tanf-base")
    assert tanf.corroboration == 2 and tanf.when == "2026-02-09/2026-02-23"  # the most precise window
    (conoco,) = events_at(story, "withdrawal", "completed", "conoco-field")
    assert {m.doc for m in conoco.mentions} >= {"d:r3", "d:r4"} and conoco.corroboration == 2


def test_status_and_time_keep_happenings_apart():
    story = fuse(seed_like_docs())
    assert len(events_at(story, "withdrawal", "ongoing", "shaddadi-base")) == 1  # not merged into completed
    planned = events_at(story, "withdrawal", "planned", "syria")
    whens = sorted(e.when or "" for e in planned)
    # the May 2025 plan is an older, separate happening; mid-2026 does not overlap the February deadlines
    assert whens == ["2025-05-03/2025-09-03", "2026-02-23/2026-03-15", "2026-06/2026-07"]
    feb = next(e for e in planned if e.when == "2026-02-23/2026-03-15")
    assert {m.doc for m in feb.mentions} == {"d:r0", "d:r1", "d:r2"}  # r1's undated plan joins the nearest


def test_copies_and_translations_count_once():
    said = [Said("withdrawal", "completed", ("tanf-base",), "2026-02")]
    docs = [build_doc(ReportSpec("d:a", "2026-02-20", said=said)),
            build_doc(ReportSpec("d:b", "2026-02-21", said=said, duplicate_of="d:a")),
            build_doc(ReportSpec("d:c", "2026-02-21", said=said, translation_of="d:a")),
            build_doc(ReportSpec("d:d", "2026-02-22", said=said))]
    (event,) = fuse(docs).events
    assert len(event.mentions) == 4 and event.corroboration == 2


def test_output_does_not_depend_on_report_order():
    docs = seed_like_docs()
    reference = fuse(docs)
    for seed in range(5):
        shuffled = [build_doc(spec) for spec in seed_like_specs()]
        random.Random(seed).shuffle(shuffled)
        for doc in shuffled:
            random.Random(seed).shuffle(doc.events)
        story = fuse(shuffled)
        assert [(e.id, e.corroboration, e.when) for e in story.events] == \
            [(e.id, e.corroboration, e.when) for e in reference.events]
        assert story.board == reference.board
        assert story.disagreements == reference.disagreements


def test_event_ids_are_stable_and_unique():
    places = PlaceIndex(ENTITIES, load_settings())
    first = fuse_events(seed_like_docs(), places)
    again = fuse_events(list(reversed(seed_like_docs())), places)
    assert sorted(e.id for e in first) == sorted(e.id for e in again)
    assert len({e.id for e in first}) == len(first)
    assert all(e.id.startswith("ev:") for e in first)


def test_base_and_its_town_are_one_place():
    docs = [build_doc(ReportSpec("d:a", "2026-02-20", said=[Said("withdrawal", "completed", ("shaddadi-base",), "2026-02")])),
            build_doc(ReportSpec("d:b", "2026-02-21", said=[Said("withdrawal", "completed", ("shaddadi",), "2026-02-10")]))]
    (event,) = fuse(docs).events
    assert event.corroboration == 2
    # a base and its province are different places
    docs[1] = build_doc(ReportSpec("d:b", "2026-02-21", said=[Said("withdrawal", "completed", ("hasakah",), "2026-02-10")]))
    assert len(fuse(docs).events) == 2


def test_timeline_is_in_time_order():
    story = fuse(seed_like_docs())
    dated = [e.when for e in story.events if e.when]
    assert dated[0] == "../2025-08" or dated[0].startswith("2025")
    undated_seen = False
    for e in story.events:
        undated_seen |= e.when is None
        assert not (undated_seen and e.when)  # undated events close the timeline


def test_empty_and_odd_input():
    story = fuse([])
    assert (story.events, story.board, story.clusters, story.board_as_of) == ([], [], [], None)
    odd = build_doc(ReportSpec("d:x", None, said=[Said("withdrawal", "ongoing", ("unknown-place",), "P20D"),
                                                 Said("statement", "completed", (), None, actor=None)]))
    story = fuse([odd])
    assert len(story.events) == 2 and story.events[-1].when is None  # an unparseable date counts as none
    assert [b.place for b in story.board] == ["unknown-place"]


def test_a_fused_event_keeps_every_place_its_mentions_name():
    docs = [build_doc(ReportSpec("d:a", "2026-02-23", said=[
                Said("withdrawal", "completed", ("tanf-base", "shaddadi"), "2026-02-09/2026-02-23")])),
            build_doc(ReportSpec("d:b", "2026-02-23", said=[
                Said("withdrawal", "completed", ("tanf-base", "shaddadi-base", "hasakah"), "2025-12-23/2026-02-23")])),
            build_doc(ReportSpec("d:c", "2026-02-22", said=[
                Said("withdrawal", "completed", ("hasakah", "tanf-base"), "2026-02")]))]
    (event,) = fuse(docs).events
    assert set(event.places) == {"tanf-base", "shaddadi", "shaddadi-base", "hasakah"}
    # the main place is the one most reports name first, and it leads the list
    assert event.place == "tanf-base" and event.places[0] == "tanf-base"


def test_main_place_on_a_tie_is_the_more_specific():
    docs = [build_doc(ReportSpec("d:a", "2026-02-23", said=[Said("withdrawal", "completed", ("hasakah", "qasrak-base"), "2026-02")])),
            build_doc(ReportSpec("d:b", "2026-02-23", said=[Said("withdrawal", "completed", ("qasrak-base",), "2026-02")]))]
    (event,) = fuse(docs).events
    assert event.place == "qasrak-base"


def test_dates_that_do_not_overlap_are_different_happenings():
    early = Said("withdrawal", "completed", ("omar-field",), "2025-04-28/2025-04-29")
    later = Said("withdrawal", "completed", ("omar-field", "conoco-field"), "2025-05-02")
    docs = [build_doc(ReportSpec("d:may", "2025-05-03", said=[early, later])),
            # a wide date overlaps both: it joins one happening (the one sharing more places), never bridges them
            build_doc(ReportSpec("d:feb", "2026-02", basis="text", said=[
                Said("withdrawal", "completed", ("omar-field", "conoco-field"), "../2025-08")])),
            # an undated mention still joins the nearest happening
            build_doc(ReportSpec("d:undated", "2025-05-04", said=[Said("withdrawal", "completed", ("omar-field",), None)]))]
    events = sorted((e for e in fuse(docs).events if "omar-field" in e.places), key=lambda e: e.when or "")
    assert [e.when for e in events] == ["2025-04-28/2025-04-29", "2025-05-02"]
    assert {m.doc for m in events[0].mentions} == {"d:may"} and len(events[0].mentions) == 1
    assert {m.doc for m in events[1].mentions} == {"d:may", "d:feb", "d:undated"}


def test_pairwise_overlap_is_independent_of_order():
    said = [Said("withdrawal", "completed", ("tanf-base",), w) for w in
            ("2026-02-01/2026-02-10", "2026-02-08/2026-02-20", "2026-02-18/2026-02-25", "2026-02")]
    specs = [ReportSpec(f"d:{n}", "2026-02-26", said=[s]) for n, s in enumerate(said)]
    reference = [(e.id, e.when, len(e.mentions)) for e in fuse([build_doc(s) for s in specs]).events]
    assert len(reference) == 2  # the 1st and 3rd windows do not overlap: never one happening
    for seed in range(4):
        shuffled = specs[:]
        random.Random(seed).shuffle(shuffled)
        assert [(e.id, e.when, len(e.mentions)) for e in fuse([build_doc(s) for s in shuffled]).events] == reference


def test_a_takeover_keeps_the_town_it_names_and_its_own_month():
    # the extractor may give a takeover the first place of its sentence (a base) and name the town after it;
    # a takeover of the base's town a month later, told by another report, is another happening
    docs = [build_doc(ReportSpec("d:a", "2026-02-23", said=[
                Said("withdrawal", "completed", ("tanf-base", "shaddadi"), "2026-02-09/2026-02-23"),
                Said("takeover", "completed", ("tanf-base", "shaddadi"), "2026-01", actor="syria")])),
            build_doc(ReportSpec("d:b", "2026-02", basis="text", said=[
                Said("takeover", "completed", ("shaddadi-base",), "2026-02", actor="syria")]))]
    takeovers = {e.when: e for e in fuse(docs).events if e.type == "takeover"}
    assert set(takeovers) == {"2026-01", "2026-02"}
    assert "shaddadi" in takeovers["2026-01"].places
    assert {m.doc for m in takeovers["2026-01"].mentions} == {"d:a"}
