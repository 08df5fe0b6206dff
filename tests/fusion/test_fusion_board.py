"""The status board: the newest report decides, planned events do not move it, history is kept."""

from __future__ import annotations

from fusion_builders import ENTITIES, ReportSpec, Said, build_doc, seed_like_docs, seed_like_specs

from rasad.fusion import fuse_story

EXPECTED = {
    "qasrak-base": "withdrawing", "tanf-base": "withdrawn", "shaddadi-base": "withdrawn",
    "kharab-al-jir-base": "present", "malikiyah": "present", "omar-field": "withdrawn",
    "conoco-field": "withdrawn", "lifestone-base": "withdrawn", "wazir-base": "withdrawn",
}


def board_of(docs):
    story = fuse_story(docs, ENTITIES, use_vectors=False)
    return story, {b.place: b for b in story.board}


def test_board_as_of_newest_report():
    story, board = board_of(seed_like_docs())
    assert {p: board[p].status for p in EXPECTED} == EXPECTED
    assert story.board_as_of == "2026-02-23"
    assert board["qasrak-base"].since == "2026-02-23"
    assert board["conoco-field"].since == "2025-05-02"
    assert set(board["tanf-base"].documents) == {"d:r0", "d:r1"}


def test_facilities_come_first():
    story, _ = board_of(seed_like_docs())
    kinds = [ENTITIES[b.place].type == "facility" for b in story.board]
    assert kinds == sorted(kinds, reverse=True)


def test_history_keeps_earlier_states():
    _, board = board_of(seed_like_docs())
    omar = board["omar-field"]
    assert omar.documents == ("d:r3",)
    assert ("partial", "2025-05-02") in [(h.status, h.as_of) for h in omar.history]
    assert omar.history[-1].status == "partial" and omar.history[-1].documents == ("d:r4",)


def test_planned_events_leave_the_board_alone():
    docs = [build_doc(ReportSpec("d:a", "2026-02-20", said=[Said("presence", "ongoing", ("qasrak-base",), "2026-02-20")])),
            build_doc(ReportSpec("d:b", "2026-02-22", said=[Said("withdrawal", "planned", ("qasrak-base",), "2026-03")]))]
    _, board = board_of(docs)
    assert board["qasrak-base"].status == "present"


def test_older_report_never_overrides_newer():
    newer = ReportSpec("d:new", "2026-02-23", said=[Said("withdrawal", "completed", ("tanf-base",), "2026-02")])
    older = ReportSpec("d:old", "2025-06-01", said=[Said("presence", "ongoing", ("tanf-base",), "2025-06-01")])
    for order in ([newer, older], [older, newer]):
        _, board = board_of([build_doc(s) for s in order])
        assert board["tanf-base"].status == "withdrawn"
        assert [h.status for h in board["tanf-base"].history] == ["present"]


def test_report_added_later_updates_board_and_loses_nothing():
    specs = seed_like_specs()
    before_story, before = board_of([build_doc(s) for s in specs])
    later = ReportSpec("d:r5", "2026-03-05", said=[
        Said("withdrawal", "completed", ("qasrak-base",), "2026-03-04"),
        Said("withdrawal", "ongoing", ("qasrak-base",), "2026-02-23")])
    after_story, after = board_of([build_doc(s) for s in specs + [later]])
    assert after["qasrak-base"].status == "withdrawn"
    assert after["qasrak-base"].history[-1].status == "withdrawing"
    assert after_story.board_as_of == "2026-03-05"
    assert set(before) <= set(after)
    for place in before:
        if place != "qasrak-base":
            assert after[place].status == before[place].status
    old_mentions = {(m.doc, m.trigger) for e in before_story.events for m in e.mentions}
    new_mentions = {(m.doc, m.trigger) for e in after_story.events for m in e.mentions}
    assert old_mentions < new_mentions
    (ongoing,) = [e for e in after_story.events if e.type == "withdrawal" and e.status == "ongoing"
                  and e.place == "qasrak-base"]
    assert ongoing.corroboration == 3


def test_a_town_and_the_one_base_in_it_are_one_row():
    docs = [build_doc(ReportSpec("d:a", "2026-02-10", said=[Said("withdrawal", "ongoing", ("shaddadi-base",), "2026-02-10")])),
            build_doc(ReportSpec("d:b", "2026-02-23", said=[Said("withdrawal", "completed", ("shaddadi",), "2026-02")]))]
    story, board = board_of(docs)
    assert "shaddadi" not in board
    assert board["shaddadi-base"].status == "withdrawn"
    assert board["shaddadi-base"].documents == ("d:b",)


def test_inside_one_report_the_later_stage_wins_a_tie():
    docs = [build_doc(ReportSpec("d:a", "2026-02-23", said=[
        Said("withdrawal", "ongoing", ("tanf-base",), "2026-02-23"),
        Said("withdrawal", "completed", ("tanf-base",), "2025-12-23/2026-02-23")]))]
    _, board = board_of(docs)
    assert board["tanf-base"].status == "withdrawn"


def test_a_named_official_outweighs_the_outlet_on_a_tie():
    docs = [build_doc(ReportSpec("d:a", "2026-02-23", said=[
        Said("withdrawal", "completed", ("tanf-base",), "2026-02-23"),
        Said("presence", "ongoing", ("tanf-base",), "2026-02-23", source="the defence minister", source_kind="named")]))]
    story, board = board_of(docs)
    assert board["tanf-base"].status == "present"
    assert not [d for d in story.disagreements if "status board" in d.about]  # decided, so no contest


def test_a_claim_about_the_place_alone_outweighs_one_about_several():
    docs = [build_doc(ReportSpec("d:a", "2025-05-03", said=[
        Said("withdrawal", "completed", ("omar-field", "conoco-field"), "2025-05-02"),
        Said("withdrawal", "partial", ("omar-field",), "2025-05-02", quantities=(("troops_remaining", "50"),))]))]
    _, board = board_of(docs)
    assert board["omar-field"].status == "partial" and board["conoco-field"].status == "withdrawn"


def test_an_undecided_tie_is_a_disagreement_and_the_board_claims_least_change():
    docs = [build_doc(ReportSpec("d:a", "2026-02-23", said=[Said("withdrawal", "completed", ("tanf-base",), "2026-02-23")])),
            build_doc(ReportSpec("d:b", "2026-02-23", said=[Said("presence", "ongoing", ("tanf-base",), "2026-02-23")]))]
    story, board = board_of(docs)
    assert board["tanf-base"].status == "present"
    (contest,) = [d for d in story.disagreements if "status board" in d.about]
    assert {(s.doc, s.value) for s in contest.sides} == {("d:a", "withdrawn"), ("d:b", "present")}
    # with an earlier state among the tied ones, the board keeps it
    earlier = build_doc(ReportSpec("d:old", "2026-02-01", said=[Said("withdrawal", "completed", ("tanf-base",), "2026-02-01")]))
    _, board = board_of([earlier] + docs)
    assert board["tanf-base"].status == "withdrawn"
    docs = [build_doc(ReportSpec(f"d:{n}", "2026-02-23", said=[Said("withdrawal", s, ("tanf-base",), "2026-02-23")]))
            for n, s in (("a", "completed"), ("b", "partial"))]
    _, board = board_of(docs)
    assert board["tanf-base"].status == "partial"  # the lesser change of withdrawn and partial
    # one source contradicting itself is no disagreement
    alone = [build_doc(ReportSpec("d:a", "2026-02-23", said=[Said("withdrawal", "completed", ("tanf-base",), "2026-02-23"),
                                                              Said("presence", "ongoing", ("tanf-base",), "2026-02-23")]))]
    story, _ = board_of(alone)
    assert story.disagreements == []
