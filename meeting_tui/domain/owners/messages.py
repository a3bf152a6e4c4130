"""The words of owners' decisions in zh-CN and en: rule reasons, labels, roster and ballot errors."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "owners.kind.ordinary": ("一般事项（过半数）", "ordinary matter (majority)"),
        "owners.kind.major": ("重大事项（四分之三）", "major matter (three quarters)"),
        "owners.method.written": ("书面表决", "written ballot"),
        "owners.method.visit": ("入户征求", "door-to-door visit"),
        "owners.area_source.registered": ("登记面积", "registered area"),
        "owners.area_source.surveyed": ("测绘面积", "surveyed area"),
        "owners.area_source.contract": ("合同面积", "contract area"),
        "owners.answer.yes": ("赞成", "yes"),
        "owners.answer.no": ("反对", "no"),
        "owners.answer.abstain": ("弃权", "abstain"),
        "owners.rule.part_area.met": (
            "参与表决面积 {part} m²（{share}）≥ 总面积 {total} m² 的三分之二",
            "participating area {part} m² ({share}) ≥ 2/3 of the total {total} m²",
        ),
        "owners.rule.part_area.short": (
            "参与表决面积 {part} m²（{share}）不足总面积 {total} m² 的三分之二",
            "participating area {part} m² ({share}) is below 2/3 of the total {total} m²",
        ),
        "owners.rule.part_heads.met": (
            "参与表决人数 {part}（{share}）≥ 业主总人数 {total} 的三分之二",
            "participating owners {part} ({share}) ≥ 2/3 of all {total} owners",
        ),
        "owners.rule.part_heads.short": (
            "参与表决人数 {part}（{share}）不足业主总人数 {total} 的三分之二",
            "participating owners {part} ({share}) are below 2/3 of all {total} owners",
        ),
        "owners.rule.ordinary.area.met": (
            "{option}面积 {got} m²（{share}）> 参与表决面积 {part} m² 的一半",
            "{option}: area {got} m² ({share}) > 1/2 of the participating {part} m²",
        ),
        "owners.rule.ordinary.area.short": (
            "{option}面积 {got} m²（{share}）未超过参与表决面积 {part} m² 的一半",
            "{option}: area {got} m² ({share}) is not above 1/2 of the participating {part} m²",
        ),
        "owners.rule.ordinary.heads.met": (
            "{option}人数 {got}（{share}）> 参与表决人数 {part} 的一半",
            "{option}: {got} owners ({share}) > 1/2 of the {part} participating",
        ),
        "owners.rule.ordinary.heads.short": (
            "{option}人数 {got}（{share}）未超过参与表决人数 {part} 的一半",
            "{option}: {got} owners ({share}) are not above 1/2 of the {part} participating",
        ),
        "owners.rule.major.area.met": (
            "{option}面积 {got} m²（{share}）≥ 参与表决面积 {part} m² 的四分之三",
            "{option}: area {got} m² ({share}) ≥ 3/4 of the participating {part} m²",
        ),
        "owners.rule.major.area.short": (
            "{option}面积 {got} m²（{share}）不足参与表决面积 {part} m² 的四分之三",
            "{option}: area {got} m² ({share}) is below 3/4 of the participating {part} m²",
        ),
        "owners.rule.major.heads.met": (
            "{option}人数 {got}（{share}）≥ 参与表决人数 {part} 的四分之三",
            "{option}: {got} owners ({share}) ≥ 3/4 of the {part} participating",
        ),
        "owners.rule.major.heads.short": (
            "{option}人数 {got}（{share}）不足参与表决人数 {part} 的四分之三",
            "{option}: {got} owners ({share}) are below 3/4 of the {part} participating",
        ),
        "owners.verdict.no_quorum": (
            "参与表决的业主不足，不能形成决定",
            "too few owners took part: no decision",
        ),
        "owners.verdict.passed": ("通过", "passed"),
        "owners.verdict.rejected": ("未通过", "not passed"),
        "owners.verdict.chosen": ("选定 {name}", "{name} is chosen"),
        "owners.verdict.none_chosen": (
            "没有候选达到法定比例，未选出",
            "no candidate reached the threshold: none chosen",
        ),
        "owners.decision.no_title": (
            "表决事项需要一个标题，例如“选聘物业服务企业”。",
            "A decision needs a title, e.g. “Choose the property-service company”.",
        ),
        "owners.decision.bad_kind": (
            "未知的事项类别“{kind}”：请用 ordinary（一般事项）或 major（重大事项）。",
            "Unknown kind “{kind}”: use ordinary or major.",
        ),
        "owners.decision.one_candidate": (
            "只有一个候选时请改为赞成/反对表决（不填候选）。",
            "With a single candidate, ask a yes/no question instead (no candidates).",
        ),
        "owners.decision.too_many_candidates": (
            "候选太多（上限 {limit} 个）。",
            "Too many candidates (limit {limit}).",
        ),
        "owners.decision.repeated_candidate": (
            "候选名单中有重复的名称，请删去重复项。",
            "A candidate is listed twice: remove the repeat.",
        ),
        "owners.count.closed": (
            "计票已结束，不能再改动。如确需改动，请先重新开启计票并写明理由。",
            "The count is closed. To change anything, reopen it first, with a reason.",
        ),
        "owners.count.not_closed": ("计票尚未结束。", "The count is not closed."),
        "owners.count.reopen_reason": (
            "重新开启计票需要写明理由。",
            "Reopening the count needs a reason.",
        ),
        "owners.roster.missing": (
            "还没有导入房屋清册：先用 owners import-roster 导入。",
            "No household roster yet: import one with owners import-roster first.",
        ),
        "owners.roster.after_ballots": (
            "已有 {count} 条表决记录，不能再换房屋清册（总面积和总人数会变）。请新建一个表决事项。",
            "{count} answers are recorded: the roster can no longer change (the totals would "
            "move). Create a new decision instead.",
        ),
        "owners.roster.duplicate_unit": (
            "房屋清册中 {unit} 出现了两次。",
            "Unit {unit} appears twice in the roster.",
        ),
        "owners.unit.unknown": (
            "清册中没有房号“{unit}”。请按 楼号-单元-房号 输入，例如 {example}。",
            "No unit “{unit}” in the roster. Type building-entrance-room, e.g. {example}.",
        ),
        "owners.answer.unknown": (
            "无法识别的选项“{answer}”：请按 {choices}。",
            "Unknown answer “{answer}”: press {choices}.",
        ),
        "owners.ballot.bad_method": (
            "未知的收集方式“{method}”：请用 written（书面）或 visit（入户）。",
            "Unknown method “{method}”: use written or visit.",
        ),
        "owners.ballot.no_collector": (
            "请填写收集人（谁收的表决票或入户征求的意见）。",
            "Name the collector (who took the ballot or made the visit).",
        ),
        "owners.ballot.bad_time": (
            "收集时间“{value}”无法识别：请写成 2026-11-20 19:30。",
            "Cannot read the collection time “{value}”: write it as 2026-11-20 19:30.",
        ),
        "owners.ballot.same": (
            "{unit} 已记录为同一选项，未作改动。",
            "{unit} already has this answer: nothing changed.",
        ),
        "owners.ballot.owner_differs": (
            "{unit} 的业主已在 {other} 作出不同的表决；同一业主只有一票。如要改变，请在 {other} 更正。",
            "The owner of {unit} answered otherwise for {other}; one owner has one vote. "
            "To change it, correct {other}.",
        ),
        "owners.ballot.nothing_to_withdraw": (
            "{unit} 没有可撤回的表决。",
            "{unit} has no answer to withdraw.",
        ),
        "owners.roster.at_line": ("第 {line} 行：{problem}", "line {line}: {problem}"),
        "owners.roster.problem": (
            "房屋清册有误：{shown}。请改正后重新导入。",
            "The roster has a problem: {shown}. Fix it and import again.",
        ),
        "owners.roster.problems": (
            "房屋清册有误：{shown}（另有 {more} 处）。请改正后重新导入。",
            "The roster has problems: {shown} (and {more} more). Fix them and import again.",
        ),
        "owners.roster.not_found": (
            "找不到房屋清册文件：{path}。请检查文件名和所在文件夹。",
            "Roster file not found: {path}. Check the file name and folder.",
        ),
        "owners.roster.not_a_file": (
            "{path} 不是普通文件：请选择 CSV 文件。",
            "{path} is not a regular file: choose a CSV file.",
        ),
        "owners.roster.too_large": (
            "{path} 太大，不像房屋清册。请确认选对了文件。",
            "{path} is too large for a roster. Check that you chose the right file.",
        ),
        "owners.roster.unreadable": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
        "owners.roster.office_file": (
            "这是 Excel 文件：请在 Excel 中“另存为”CSV（逗号分隔）后再导入。",
            "This is an Excel file: use “Save as” CSV (comma separated) in Excel, then import that.",
        ),
        "owners.roster.encoding": (
            "无法识别房屋清册的文字编码：请另存为 CSV UTF-8 后再导入。",
            "Cannot tell the roster's text encoding: save it as CSV UTF-8 and import again.",
        ),
        "owners.roster.no_header": (
            "第一行需要列名：楼号、单元、房号、业主、登记面积（或测绘面积、合同面积）、业主标识。",
            "The first line must name the columns: building, unit, room, owner, registered_area "
            "(or surveyed_area, contract_area), owner_key.",
        ),
        "owners.roster.csv_broken": (
            "第 {line} 行的引号不成对：请在 Excel 中重新另存为 CSV。",
            "Unbalanced quotes at line {line}: save the file as CSV from Excel again.",
        ),
        "owners.roster.empty": (
            "房屋清册中没有房屋。",
            "The roster lists no units.",
        ),
        "owners.roster.no_room": ("缺少楼号或房号", "building or room missing"),
        "owners.roster.bad_area": (
            "面积“{value}”不是两位小数以内的数字（例如 89.50）",
            "area “{value}” is not a number with at most two decimals (e.g. 89.50)",
        ),
        "owners.roster.no_area": (
            "没有面积（登记、测绘、合同面积都空着）",
            "no area (registered, surveyed and contract area all empty)",
        ),
        "owners.roster.repeated": (
            "{unit} 与第 {first} 行重复",
            "{unit} repeats line {first}",
        ),
    }
)
