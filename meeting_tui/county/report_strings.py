"""zh/en texts of the county report: column heads, headings, chart titles."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "county.r.title": ("县级协商议事汇总", "County deliberation summary"),
        "county.r.scope_month": ("{month} 月", "month {month}"),
        "county.r.scope_all": ("全部月份", "all months"),
        "county.r.source": ("数据来源 {url}，截至 {today}", "from {url}, as of {today}"),
        "county.r.community": ("社区", "community"),
        "county.r.code": ("代码", "code"),
        "county.r.meetings": ("会议", "meetings"),
        "county.r.passed": ("通过", "passed"),
        "county.r.rejected": ("未通过", "rejected"),
        "county.r.deferred": ("暂缓", "deferred"),
        "county.r.answered": ("已答复", "answered"),
        "county.r.withdrawn": ("撤回", "withdrawn"),
        "county.r.raised": ("未表决", "no vote"),
        "county.r.open_deferrals": ("待议暂缓", "open deferrals"),
        "county.r.overdue": ("逾期落实", "overdue"),
        "county.r.satisfied": ("满意", "satisfied"),
        "county.r.basic": ("基本满意", "fairly sat."),
        "county.r.unsatisfied": ("不满意", "unsatisfied"),
        "county.r.total": ("合计", "total"),
        "county.r.empty": ("数据库里还没有会议。", "the database holds no meetings yet."),
        "county.r.deferrals_heading": (
            "待议的暂缓事项（截至今日）",
            "Deferrals still open (as of today)",
        ),
        "county.r.overdue_heading": ("逾期未落实的事项", "Follow-ups overdue"),
        "county.r.none": ("无", "none"),
        "county.r.deferred_on": ("暂缓日期", "deferred on"),
        "county.r.age": ("已搁置（天）", "age (days)"),
        "county.r.meeting": ("会议", "meeting"),
        "county.r.motion": ("事项", "motion"),
        "county.r.reason": ("原因", "reason"),
        "county.r.owner": ("负责人", "owner"),
        "county.r.due": ("期限", "due"),
        "county.r.late": ("逾期（天）", "days late"),
        "county.r.chart_meetings": ("各社区会议数", "Meetings per community"),
        "county.r.chart_outcomes": ("议事结果", "Decision outcomes"),
        "county.r.chart_ages": ("暂缓事项搁置天数", "Open deferrals by age (days)"),
        "county.r.chart_ratings": ("居民评价", "Residents' evaluations"),
    }
)
