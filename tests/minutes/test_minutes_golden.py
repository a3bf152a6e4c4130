"""The 南苑 minutes in Markdown, compared with a file read through by eye once.

`golden/nanyuan.md` was generated from the demo, read for sense (the proposer
recorded only as 居民 is no longer printed as 居民（居民）), and is now the
reference: a change to any wording, order or number shows up here as a diff.
To accept an intended change, regenerate it with
`python -c "from tests.minutes.test_minutes_golden import regenerate; regenerate()"`
and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

from meeting_tui.demo import closed_log
from meeting_tui.domain.fold import fold
from meeting_tui.minutes import Minutes
from meeting_tui.minutes.export import render

GOLDEN = Path(__file__).parent / "golden" / "nanyuan.md"


def nanyuan_markdown() -> str:
    events = closed_log()
    return render(Minutes.build(fold(events), events), "md").decode("utf-8")


def regenerate() -> None:
    GOLDEN.write_text(nanyuan_markdown(), encoding="utf-8", newline="\n")


def test_nanyuan_minutes_match_the_reviewed_file() -> None:
    expected = GOLDEN.read_text(encoding="utf-8")
    actual = nanyuan_markdown()
    assert actual.splitlines() == expected.splitlines()
    assert actual == expected


def test_the_golden_file_says_what_the_meeting_decided() -> None:
    """Guards the reference itself: a regenerated file that lost content would fail here."""
    text = GOLDEN.read_text(encoding="utf-8")
    assert text.count("### 事项 ") == 12
    assert text.count("- 结果：通过：赞成 ") == 7
    assert "- 结果：未通过：赞成 14 人，少于反对 20 人；事项暂缓" in text
    assert "| 14:48 | 居民迟到 2 人，现出席 40 人 |" in text
    assert "| 法定人数 | 不设 |" in text
    assert (
        "| 12 | 调整垃圾分类亭位置，远离单元门口 | 意见接近，待物业提出两个备选位置后再议 | 社区工作人员 | 下次议事会 |"
        in text
    )
    assert "- 提议人：居民（居民）" not in text
    assert "居民代表：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿" in text
    assert "南苑社区居民委员会  \n2026年10月17日  \n\n## 附件：会议过程" in text
    assert text.rstrip().endswith("| 16:19 | 会议结束 |")
