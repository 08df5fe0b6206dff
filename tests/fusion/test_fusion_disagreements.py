"""Disagreements: real conflicts found with every side, reconcilable differences not flagged."""

from __future__ import annotations

from fusion_builders import ENTITIES, ReportSpec, Said, build_doc, seed_like_docs

from rasad.fusion import fuse_story


def disagreements(docs):
    return fuse_story(docs, ENTITIES, use_vectors=False).disagreements


def test_seed_like_story_has_exactly_the_two_real_disagreements():
    found = disagreements(seed_like_docs())
    assert sorted(d.field for d in found) == ["status", "when"]
    when = next(d for d in found if d.field == "when")
    assert {(s.doc, s.value) for s in when.sides} == {
        ("d:r0", "2026-02-23/2026-03-23"), ("d:r0", "2026-02-23/2026-03-15"),
        ("d:r2", "2026-02-21/2026-04-21"), ("d:r3", "2026-06/2026-07")}
    assert all(s.evidence and s.event.startswith("ev:") and s.attributed_to for s in when.sides)
    status = next(d for d in found if d.field == "status")
    values = [(s.doc, s.value) for s in status.sides]
    assert ("d:r3", "denied") in values and ("d:r0", "planned") in values


def test_sides_are_ordered_in_time():
    found = disagreements(seed_like_docs())
    for d in found:
        dates = [s.date for s in d.sides]
        known = [x for x in dates if x]
        assert known == sorted(known, key=lambda v: v[:7])  # month-precision 2026-02 before 2026-02-23
        assert dates.index(None) >= len(known) if None in dates else True


def test_quantity_conflict_inside_one_event():
    said = lambda q: [Said("withdrawal", "planned", ("syria",), "2026-03", quantities=(("troops", q),))]  # noqa: E731
    agree = [build_doc(ReportSpec("d:a", "2026-02-20", said=said("900-1000"))),
             build_doc(ReportSpec("d:b", "2026-02-21", said=said("1000")))]
    assert disagreements(agree) == []
    clash = [agree[0], build_doc(ReportSpec("d:c", "2026-02-21", said=said("2000")))]
    (found,) = disagreements(clash)
    assert found.field == "quantity" and {s.value for s in found.sides} == {"900-1000", "2000"}


def test_a_denial_long_before_a_plan_is_not_a_disagreement():
    docs = [build_doc(ReportSpec("d:a", "2025-01-10", said=[Said("withdrawal", "denied", ("syria",))])),
            build_doc(ReportSpec("d:b", "2026-02-21", said=[Said("withdrawal", "planned", ("syria",), "2026-04")]))]
    assert disagreements(docs) == []


def test_same_deadline_from_two_sources_is_not_a_disagreement():
    docs = [build_doc(ReportSpec("d:a", "2026-02-21", said=[Said("withdrawal", "planned", ("syria",), "2026-02-21/2026-03-21")])),
            build_doc(ReportSpec("d:b", "2026-02-23", said=[Said("withdrawal", "planned", ("syria",), "2026-02-23/2026-03-23")]))]
    assert disagreements(docs) == []


def test_conflict_needs_two_sources_and_sides_are_the_conflicting_ones():
    one_report = [build_doc(ReportSpec("d:a", "2026-02-21", said=[
        Said("withdrawal", "planned", ("syria",), "2026-03"), Said("withdrawal", "denied", ("syria",))]))]
    assert disagreements(one_report) == []
    two = one_report + [build_doc(ReportSpec("d:b", "2026-02-22", said=[
        Said("withdrawal", "ongoing", ("syria",), "2026-02-22"), Said("withdrawal", "denied", ("syria",))]))]
    (found,) = [d for d in disagreements(two) if d.field == "status"]
    # d:b's own denial and its ongoing withdrawal are one source contradicting itself, and the
    # withdrawal it reports began after d:a's denial: "ongoing" takes no side
    assert sorted({s.value for s in found.sides}) == ["denied", "planned"]


def test_a_translation_repeating_its_body_adds_no_side():
    docs = [build_doc(ReportSpec("d:a", "2026-02-21", said=[
                Said("withdrawal", "planned", ("syria",), "2026-03-21"),
                Said("withdrawal", "planned", ("syria",), "2026-03-21", role="translation")])),
            build_doc(ReportSpec("d:b", "2026-02-22", said=[Said("withdrawal", "planned", ("syria",), "2026-06")]))]
    (found,) = disagreements(docs)
    assert [(s.doc, s.value) for s in found.sides] == [("d:a", "2026-03-21"), ("d:b", "2026-06")]


W = "withdrawal"


def test_a_denied_happening_is_a_disagreement():
    docs = [build_doc(ReportSpec("d:a", "2026-02-21", said=[Said(W, "ongoing", ("qasrak-base",), "2026-02-21")])),
            build_doc(ReportSpec("d:b", "2026-02-22", said=[Said(W, "denied", ("qasrak-base",), source="a Kurdish official")]))]
    (found,) = disagreements(docs)
    assert found.field == "status" and [(s.doc, s.value) for s in found.sides] == [("d:a", "ongoing"), ("d:b", "denied")]
    assert found.sides[1].attributed_to == "a Kurdish official"
    completed = [build_doc(ReportSpec("d:a", "2026-02-21", said=[Said(W, "completed", ("tanf-base",), "2026-02")])),
                 build_doc(ReportSpec("d:b", "2026-02-23", said=[Said(W, "denied", ("tanf-base",), source="officials")]))]
    assert [d.field for d in disagreements(completed)] == ["status"]


def test_two_sources_in_one_report_can_disagree():
    one_report = [build_doc(ReportSpec("d:a", "2026-02-21", said=[
        Said(W, "completed", ("tanf-base",), "2026-02-20"),
        Said(W, "denied", ("tanf-base",), source="the defence ministry", source_kind="named")]))]
    (found,) = disagreements(one_report)
    assert {s.attributed_to for s in found.sides} == {"outlet", "the defence ministry"}  # a doc without an outlet name
    same_source = [build_doc(ReportSpec("d:a", "2026-02-21", said=[
        Said(W, "completed", ("tanf-base",), "2026-02-20", source="officials"),
        Said(W, "denied", ("tanf-base",), source="officials")]))]
    assert disagreements(same_source) == []


def test_a_translation_is_no_second_source():
    docs = [build_doc(ReportSpec("d:a", "2026-02-21", said=[
        Said(W, "completed", ("tanf-base",), "2026-02-20", source="officials"),
        Said(W, "denied", ("tanf-base",), source="officials"),
        Said(W, "denied", ("tanf-base",), source="the officials", role="translation")]))]
    assert disagreements(docs) == []


def test_a_happening_after_its_denial_is_a_later_state():
    docs = [build_doc(ReportSpec("d:a", "2026-01-10", said=[Said(W, "denied", ("tanf-base",), source="officials")])),
            build_doc(ReportSpec("d:b", "2026-02-20", said=[Said(W, "completed", ("tanf-base",), "2026-02-15")]))]
    assert disagreements(docs) == []
    # the same happening dated before the denial contradicts it
    docs[1] = build_doc(ReportSpec("d:b", "2026-02-20", said=[Said(W, "completed", ("tanf-base",), "2026-01-05")]))
    assert [d.field for d in disagreements(docs)] == ["status"]


def test_later_states_of_one_place_are_not_disagreements():
    partial_then_withdrawn = [
        build_doc(ReportSpec("d:a", "2025-05-03", said=[Said(W, "partial", ("omar-field",), "2025-05-02")])),
        build_doc(ReportSpec("d:b", "2025-07-20", said=[Said(W, "completed", ("omar-field",), "2025-07")]))]
    assert disagreements(partial_then_withdrawn) == []
    ongoing_then_completed = [
        build_doc(ReportSpec("d:a", "2026-02-21", said=[Said(W, "ongoing", ("qasrak-base",), "2026-02-21")])),
        build_doc(ReportSpec("d:b", "2026-02-23", said=[Said(W, "completed", ("qasrak-base",), "2026-02-23")]))]
    assert disagreements(ongoing_then_completed) == []
