"""The owners' decision screens' words in zh-CN and en (keys, labels, prompts)."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "key.owners": ("业主表决", "owners' decisions"),
        "group.owners": ("业主表决", "Owners"),
        "owners.list.title": (
            "业主共同决定（按面积和人数双过半 / 四分之三）",
            "Owners' decisions (counted by area and by head)",
        ),
        "owners.list.empty": (
            "还没有表决事项。按 n 新建（需要房屋清册 CSV），或用 meeting-tui owners new。",
            "No decisions yet. Press n to create one (you need the roster CSV), or use "
            "meeting-tui owners new.",
        ),
        "owners.col.id": ("编号", "id"),
        "owners.col.title": ("事项", "decision"),
        "owners.col.kind": ("类别", "kind"),
        "owners.col.progress": ("已收", "answered"),
        "owners.col.status": ("状态", "status"),
        "owners.status.open": ("计票中", "counting"),
        "owners.status.closed": ("已结束", "closed"),
        "owners.status.broken": ("文件损坏", "damaged"),
        "owners.form.new": ("新建业主表决事项", "New owners' decision"),
        "owners.form.title": ("事项", "Title"),
        "owners.form.question": ("表决内容", "Question"),
        "owners.form.kind": ("类别", "Kind"),
        "owners.form.candidates": (
            "候选（用、分隔；空=赞成/反对）",
            "Candidates (、 or , between; none: yes/no)",
        ),
        "owners.form.community": ("社区", "Community"),
        "owners.form.roster": ("房屋清册 CSV 文件", "Roster CSV file"),
        "owners.form.collector": ("收集人", "Collector"),
        "owners.form.collector_title": (
            "谁在收集表决（入户或收表决票）？",
            "Who is collecting the answers (visits or ballots)?",
        ),
        "owners.form.withdraw_reason": ("撤回理由（可空）", "Reason (optional)"),
        "owners.form.reopen": ("重新开启计票", "Reopen the count"),
        "owners.form.reason": ("理由", "Reason"),
        "owners.key.new": ("新建", "new"),
        "owners.key.open": ("打开", "open"),
        "owners.key.back": ("返回", "back"),
        "owners.key.method": ("方式", "method"),
        "owners.key.collector": ("收集人", "collector"),
        "owners.key.close": ("结束计票", "close count"),
        "owners.key.export": ("公告/记录", "notice/record"),
        "owners.key.help": ("帮助", "help"),
        "owners.room": ("房号", "room"),
        "owners.room.placeholder": ("例如 3-2-501，回车", "e.g. 3-2-501, Enter"),
        "owners.header": (
            "{title} · {kind} · {status} · {method} · 收集人 {collector}",
            "{title} · {kind} · {status} · {method} · collector {collector}",
        ),
        "owners.no_collector": ("（未填，按 F3）", "(none: press F3)"),
        "owners.unit.line": (
            "{unit} 业主 {owners} · 面积 {area} m² · {now}",
            "{unit} owner {owners} · area {area} m² · {now}",
        ),
        "owners.unit.no_answer": ("未表态", "no answer yet"),
        "owners.unit.has": ("现为 {answer}（将更正）", "now {answer} (will correct)"),
        "owners.unit.keys_question": (
            "1 赞成 2 反对 3 弃权 · w 撤回 · esc 取消",
            "1 yes 2 no 3 abstain · w withdraw · esc cancel",
        ),
        "owners.unit.keys_selection": (
            "候选编号 1–{n} · 0 弃权 · w 撤回 · esc 取消",
            "candidate 1–{n} · 0 abstain · w withdraw · esc",
        ),
        "owners.saved": ("✓ {unit}：{answer}（已保存）", "✓ {unit}: {answer} (saved)"),
        "owners.saved_correction": (
            "✓ {unit}：更正为 {answer}，原记录保留（已保存）",
            "✓ {unit}: corrected to {answer}, earlier answer kept (saved)",
        ),
        "owners.withdrawn": ("✓ {unit}：已撤回（已保存）", "✓ {unit}: withdrawn (saved)"),
        "owners.confirm.withdraw": (
            "撤回 {unit} 的表决（{answer}）？撤回会记录在案；Enter 确认，esc 取消。",
            "Withdraw the answer of {unit} ({answer})? It is recorded. Enter confirms, esc cancels.",
        ),
        "owners.confirm.close": (
            "结束计票？结果将按现在的统计保存：\n{result}",
            "Close the count? The result is stored as counted now:\n{result}",
        ),
        "owners.tally.total": (
            "共 {units} 套 · 业主 {owners} 人 · {area} m² · 已收 {answered} 套",
            "{units} units · {owners} owners · {area} m² · {answered} answered",
        ),
        "owners.tally.part": ("参与", "taking part"),
        "owners.tally.area": ("面积", "area"),
        "owners.tally.heads": ("人数", "owners"),
        "owners.tally.buildings": ("各楼入户比例", "visited, by building"),
        "owners.tally.building": ("{building}号楼", "bldg {building}"),
        "owners.exported": ("已写入 {files}", "written: {files}"),
        "owners.closed_state": ("计票已结束", "count closed"),
        "owners.tally.so_far": ("目前：", "so far: "),
        "owners.roster_col.unit": ("房号", "unit"),
        "owners.roster_col.owners": ("业主", "owners"),
        "owners.roster_col.area": ("面积", "area"),
        "owners.roster_col.answer": ("选项", "answer"),
        "owners.roster_col.method": ("方式", "method"),
        "owners.roster_col.collector": ("收集人", "collector"),
    }
)
