"""民法典 278: the double count at every boundary, by area and by head separately."""

from __future__ import annotations

import pytest

from meeting_tui.domain.owners.rules import (
    Counts,
    MatterKind,
    decide_question,
    decide_selection,
    format_area,
    participation_checks,
    percent,
)

TOTAL = Counts(area=30000, heads=30)  # 300.00 m², 30 owners
FULL = Counts(area=30000, heads=30)


@pytest.mark.parametrize(
    ("area", "met"), [(20000, True), (19999, False), (20001, True), (0, False)]
)
def test_participation_by_area_is_at_least_two_thirds(area: int, met: bool) -> None:
    by_area, by_heads = participation_checks(Counts(area, 30), TOTAL)
    assert by_area.met is met
    assert by_heads.met


@pytest.mark.parametrize(("heads", "met"), [(20, True), (19, False), (21, True)])
def test_participation_by_head_is_at_least_two_thirds(heads: int, met: bool) -> None:
    by_area, by_heads = participation_checks(Counts(30000, heads), TOTAL)
    assert by_area.met
    assert by_heads.met is met


def test_participation_needs_both_counts() -> None:
    area_only = decide_question(MatterKind.ORDINARY, FULL, Counts(30000, 19), TOTAL)
    heads_only = decide_question(MatterKind.ORDINARY, FULL, Counts(19999, 30), TOTAL)
    assert not area_only.passed and area_only.verdict_key == "owners.verdict.no_quorum"
    assert not heads_only.passed and heads_only.verdict_key == "owners.verdict.no_quorum"


@pytest.mark.parametrize(
    ("yes_area", "yes_heads", "passed"),
    [
        (15000, 16, False),  # exactly 1/2 of the area is not more than half
        (15001, 16, True),
        (15001, 15, False),  # exactly 1/2 of the heads is not more than half
        (30000, 15, False),
        (15001, 30, True),
    ],
)
def test_ordinary_matter_needs_more_than_half_of_both(
    yes_area: int, yes_heads: int, passed: bool
) -> None:
    result = decide_question(MatterKind.ORDINARY, Counts(yes_area, yes_heads), FULL, TOTAL)
    assert result.passed is passed
    assert result.chosen == ("yes" if passed else "")


@pytest.mark.parametrize(
    ("yes_area", "yes_heads", "passed"),
    [
        (22500, 23, True),  # exactly 3/4 of the area is enough
        (22499, 23, False),
        (22500, 22, False),  # 22/30 < 3/4
        (30000, 22, False),
    ],
)
def test_major_matter_needs_three_quarters_of_both(
    yes_area: int, yes_heads: int, passed: bool
) -> None:
    result = decide_question(MatterKind.MAJOR, Counts(yes_area, yes_heads), FULL, TOTAL)
    assert result.passed is passed


def test_exactly_three_quarters_of_heads_passes_a_major_matter() -> None:
    part = Counts(20000, 24)
    total = Counts(30000, 36)  # 24/36 = exactly 2/3 takes part
    assert decide_question(MatterKind.MAJOR, Counts(15000, 18), part, total).passed
    assert not decide_question(MatterKind.MAJOR, Counts(15000, 17), part, total).passed


def test_thresholds_count_participants_not_all_owners() -> None:
    """More than half of those who took part, even though fewer than half of all owners."""
    part = Counts(20000, 20)
    result = decide_question(MatterKind.ORDINARY, Counts(10001, 11), part, TOTAL)
    assert result.passed
    assert TOTAL.heads > 11 * 2


def test_the_reason_names_every_count_and_the_verdict() -> None:
    result = decide_question(MatterKind.ORDINARY, Counts(15001, 15), FULL, TOTAL)
    zh = result.explain("zh")
    assert "参与表决面积 300.00 m²（100.00%）≥ 总面积 300.00 m² 的三分之二" in zh
    assert "赞成面积 150.01 m²（50.00%）> 参与表决面积 300.00 m² 的一半" in zh
    assert "赞成人数 15（50.00%）未超过参与表决人数 30 的一半" in zh
    assert zh.endswith("→ 未通过")
    assert result.explain("en").endswith("→ not passed")


def test_a_selection_chooses_only_a_candidate_at_the_threshold() -> None:
    part = FULL
    firms = {
        "1": ("甲物业", Counts(15001, 16)),
        "2": ("乙物业", Counts(14999, 14)),
    }
    chosen = decide_selection(MatterKind.ORDINARY, firms, part, TOTAL)
    assert chosen.passed and chosen.chosen == "1"
    assert "选定 甲物业" in chosen.explain("zh")
    split = {
        "1": ("甲物业", Counts(12000, 12)),
        "2": ("乙物业", Counts(10000, 10)),
        "3": ("丙物业", Counts(8000, 8)),
    }
    none = decide_selection(MatterKind.ORDINARY, split, part, TOTAL)
    assert not none.passed and none.chosen == ""
    text = none.explain("zh")
    assert "没有候选达到法定比例" in text and "甲物业面积 120.00 m²" in text


def test_a_leader_by_area_without_the_heads_is_not_chosen() -> None:
    firms = {"1": ("甲物业", Counts(20000, 10)), "2": ("乙物业", Counts(10000, 20))}
    result = decide_selection(MatterKind.ORDINARY, firms, FULL, TOTAL)
    assert not result.passed


def test_outcome_round_trips_through_json() -> None:
    result = decide_question(MatterKind.MAJOR, Counts(22500, 23), FULL, TOTAL)
    from meeting_tui.domain.owners.rules import Outcome

    assert Outcome.from_json(result.to_json()) == result


@pytest.mark.parametrize(
    ("part", "total", "shown"), [(8537, 28400, "30.05%"), (2, 3, "66.66%"), (0, 0, "0.00%")]
)
def test_percent_rounds_down(part: int, total: int, shown: str) -> None:
    assert percent(part, total) == shown


def test_area_is_shown_with_two_decimals() -> None:
    assert format_area(8950) == "89.50"
    assert format_area(5) == "0.05"


def test_a_matter_kind_without_its_threshold_fails_loudly_not_as_an_ordinary_one() -> None:
    """As the meetings' rules registry does: a new kind of matter must name its threshold."""
    from meeting_tui.domain.owners.rules import Counts, approval_checks

    with pytest.raises(ValueError, match="weighted"):
        approval_checks("weighted", Counts(100, 1), Counts(100, 1), "yes")  # type: ignore[arg-type]
