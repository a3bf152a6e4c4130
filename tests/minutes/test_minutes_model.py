"""The Minutes document: what it says about the 南苑 meeting, en output, storage and redaction."""

from __future__ import annotations

import dataclasses

from meeting_tui.domain.fold import fold
from meeting_tui.minutes import Minutes
from meeting_tui.minutes.build import in_force


def test_header_of_the_nanyuan_meeting(nanyuan: Minutes) -> None:
    assert nanyuan.title == "电大家属院老旧小区改造 民主协商议事会"
    assert nanyuan.when == "2026年10月17日 14:30–16:19"
    assert nanyuan.place == "南苑社区 电大家属院西门旁空地"
    assert nanyuan.kind == "板凳会"
    assert (nanyuan.facilitator, nanyuan.recorder) == ("居委会刘主任", "社区工作人员小王")
    counts = {p.label: (p.count, p.votes) for p in nanyuan.attendance}
    assert counts == {
        "居民": (40, True),
        "社区工作人员": (3, False),
        "物业": (1, False),
        "施工方": (2, False),
    }
    assert nanyuan.eligible_present == 40
    assert nanyuan.summary == "共 12 项事项：通过 7 项，未通过 1 项，暂缓 3 项，已答复 1 项"
    assert nanyuan.signatures == ("主持人", "记录人", "居民代表")


def test_motions_carry_votes_rule_result_and_owners(nanyuan: Minutes) -> None:
    assert [m.number for m in nanyuan.motions] == list(range(1, 13))
    wiring = nanyuan.motions[0]
    assert wiring.proposer == "李姓居民" and wiring.category == "消除安全隐患"
    assert wiring.vote is not None
    assert (wiring.vote.in_favour, wiring.vote.against, wiring.vote.eligible_present) == (38, 0, 38)
    assert wiring.vote.method == "无异议"
    assert wiring.vote.reason == "赞成 38 > 反对 0 → 通过"
    assert (wiring.owner, wiring.due) == ("施工方", "2027年5月31日")
    roof = nanyuan.motions[3]
    assert roof.state_label == "已答复" and roof.votes == ()
    assert (roof.response, roof.responder) == (
        "前期已经考虑，会重新做保温层和防水层并加固",
        "施工方负责人",
    )
    road = nanyuan.motions[7]
    assert road.cost == 180000 and road.over_limit


def test_deferred_and_unvoted_lists(nanyuan: Minutes) -> None:
    assert [m.number for m in nanyuan.deferred] == [2, 9, 12]
    assert nanyuan.deferred[1].deferral_target == "2026年12月15日"
    assert nanyuan.deferred[0].deferral_owner == "社区工作人员"
    assert nanyuan.unvoted == []
    assert [m.number for m in nanyuan.decided] == [1, 3, 5, 6, 7, 8, 10]


def test_unvoted_withdrawn_and_recount_history(hostile) -> None:
    minutes = Minutes.build(hostile.state, hostile.log.events)
    assert [m.text for m in minutes.unvoted] == ["更换路灯"]
    handrail = minutes.motions[1]
    assert [(v.in_favour, v.superseded) for v in handrail.votes] == [(20, True), (22, False)]
    assert minutes.motions[3].withdraw_reason == "提议人撤回"
    assert minutes.when == "2026年11月27日 14:33 起"  # still in session


def test_timeline_leaves_out_setup_and_undone_steps(nanyuan: Minutes, nanyuan_events) -> None:
    texts = [e.text for e in nanyuan.timeline]
    assert texts[0] == "出席 居民 38 人"  # creation and agenda typing days before: left out
    assert not any(t.startswith("添加议题") for t in texts)
    # The tally typed wrong (18:16) and undone is not in the minutes; the recount is.
    assert "表决事项 12：赞成 16，反对 18，弃权 6" in texts
    assert "表决事项 12：赞成 18，反对 16，弃权 6" not in texts
    assert len(in_force(nanyuan_events)) < len(nanyuan_events)
    assert nanyuan.timeline[-1].at == "16:19" and texts[-1] == "会议结束"


def test_english_minutes_when_the_meeting_is_in_english(bad) -> None:
    run = bad.script(lang="en")
    minutes = Minutes.build(run.state, run.log.events)
    assert minutes.lang == "en"
    assert minutes.kind == "round-table meeting"
    assert minutes.summary == "4 motions: passed 1, deferred 1, withdrawn 1, raised 1"
    assert minutes.motions[1].vote is not None
    assert minutes.motions[1].vote.reason == "for 22 > against 4 → passed"
    assert minutes.when == "from 2026-11-27 14:33"
    assert minutes.signatures == ("Facilitator", "Recorder", "Residents' representative")


def test_json_round_trip_is_exact(nanyuan: Minutes, hostile) -> None:
    assert Minutes.from_json(nanyuan.to_json()) == nanyuan
    other = Minutes.build(hostile.state, hostile.log.events).redacted()
    assert Minutes.from_json(other.to_json()) == other


def test_from_json_ignores_unknown_fields_and_names_missing_ones(nanyuan: Minutes) -> None:
    data = nanyuan.to_json()
    data["added_later"] = 1
    assert Minutes.from_json(data) == nanyuan
    del data["motions"]
    try:
        Minutes.from_json(data)
    except ValueError as error:
        assert "motions" in str(error)
    else:
        raise AssertionError("a document without motions was accepted")


def test_redacted_shortens_names_masks_numbers_and_respects_opt_in(bad, hostile) -> None:
    full = Minutes.build(hostile.state, hostile.log.events)
    red = full.redacted()
    assert red.is_redacted and not full.is_redacted
    assert (red.facilitator, red.recorder) == ("刘某", "王某")
    script, handrail, lamp, _ = red.motions
    assert script.proposer == "李某"
    assert bad.PHONE not in script.note and "138****5678" in script.note
    assert bad.ID_NUMBER not in script.note and "李某说" in script.note
    assert handrail.proposer == "张伟"  # opted in to be named on this motion
    assert (handrail.owner, handrail.responder) == ("赵某", "赵某")
    assert lamp.proposer == "孙某"
    assert red.attendees[0].name == "孙某"
    assert "赵某" in script.deferral_reason


def test_cleaned_removes_escapes_everywhere(nanyuan: Minutes) -> None:
    dirty = dataclasses.replace(
        nanyuan,
        title="\x1b]0;pwned\x07电大\x1b[31m家属院",
        motions=(dataclasses.replace(nanyuan.motions[0], note="电线\x1b[2J老化\x9b1m"),),
    )
    clean = dirty.cleaned()
    assert clean.title == "电大家属院"
    assert clean.motions[0].note == "电线老化"


def test_build_is_deterministic(nanyuan_events) -> None:
    state = fold(nanyuan_events)
    assert Minutes.build(state, nanyuan_events) == Minutes.build(state, nanyuan_events)
