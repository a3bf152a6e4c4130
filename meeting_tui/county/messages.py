"""zh/en texts of the county sync and report: the `county` area of the i18n catalogue."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "county.settings.no_url": (
            '未设置县级数据库地址：在 config.toml 中写 county_url = "https://服务器/数据库名"，或用 --to URL（county 用 --from URL）。',
            'no county database set: put county_url = "https://server/database" in config.toml, or pass --to URL (--from URL for county).',
        ),
        "county.settings.bad_url": (
            "地址 {url} 不可用：应为 https://服务器[:端口]/数据库名。",
            "cannot use the address {url}: it should be https://server[:port]/database.",
        ),
        "county.settings.bad_database": (
            "地址 {url} 中的数据库名“{database}”不可用：以小写字母开头，只用小写字母、数字和 _$()+-。",
            "the database name '{database}' in {url} is not usable: start with a lower-case letter; use lower-case letters, digits and _$()+- only.",
        ),
        "county.settings.insecure": (
            "拒绝以明文 http:// 连接 {host}（密码和会议记录会以明文传输）：请改用 https://；确知网络可信时加 --insecure。",
            "refusing plain http:// to {host} (password and records would cross the network unencrypted): use https://, or add --insecure on a network you trust.",
        ),
        "county.settings.community_code": (
            '社区代码“{code}”不可用：在 config.toml 中写 community_code = "…"（字母、数字、_ 或 -，最多 32 个，如区划代码 410105001001）。',
            "community code '{code}' is not usable: put community_code = \"…\" in config.toml (letters, digits, _ or -, up to 32, e.g. the area code 410105001001).",
        ),
        "county.settings.privacy": (
            'county_privacy = "{value}" 不可用：可选 {options}。',
            'county_privacy = "{value}" is not usable: choose one of {options}.',
        ),
        "county.key.damaged": (
            "安装标识文件 {file} 已损坏：请从备份恢复（不可随意重建，否则县里会把每次会议当成新文档）。",
            "the installation key file {file} is damaged: restore it from a backup (making a new one would make every meeting a new document at the county).",
        ),
        "county.state.damaged": (
            "同步记录 {file} 无法读取：请将其移到别处后再运行 sync（会重新核对全部已结束会议）。",
            "cannot read the sync record {file}: move it aside and run sync again (every closed meeting is then checked again).",
        ),
        "county.state.write": (
            "无法写入同步记录 {file}（{reason}）：请检查磁盘空间和文件夹权限后再运行 sync。",
            "cannot write the sync record {file} ({reason}): check disk space and folder permissions, then run sync again.",
        ),
        "county.http.unreachable": (
            "无法连接 {url}（{reason}）：未做任何更改；联网后再运行 meeting-tui sync。",
            "cannot reach {url} ({reason}): nothing was changed; run meeting-tui sync again when online.",
        ),
        "county.http.lost": (
            "与 {url} 的连接中断（{reason}）：已确认的会议已记下，再运行 meeting-tui sync 续传其余的。",
            "the connection to {url} broke ({reason}): what was confirmed is recorded; run meeting-tui sync again to send the rest.",
        ),
        "county.http.refused": (
            "服务器 {url} 拒绝了请求（{status} {error} {reason}）：未确认的会议会在下次运行 sync 时重试。",
            "the server {url} refused the request ({status} {error} {reason}): unconfirmed meetings are retried at the next sync.",
        ),
        "county.http.auth": (
            "服务器 {url} 拒绝了用户名或密码（{status}）：检查 config.toml 的 county_user / county_password，或环境变量 MEETING_TUI_COUNTY_USER / MEETING_TUI_COUNTY_PASSWORD。",
            "the server {url} refused the user name or password ({status}): check county_user / county_password in config.toml, or MEETING_TUI_COUNTY_USER / MEETING_TUI_COUNTY_PASSWORD.",
        ),
        "county.sync.progress": (
            "（本次已确认 {done} / {total} 份）",
            "({done} of {total} confirmed in this run)",
        ),
        "county.sync.done": (
            "已发送 {sent} 份会议文档到 {url}（已结束会议共 {closed} 个，其余已是最新）。",
            "sent {sent} meeting documents to {url} ({closed} closed meetings in all; the rest were up to date).",
        ),
        "county.sync.design": (
            "已在 {url} 安装县级统计视图（_design/county）。",
            "installed the county views (_design/county) on {url}.",
        ),
        "county.sync.refused_doc": (
            "会议 {meeting_id} 被服务器拒收（{reason}）：下次运行 sync 时重试。",
            "the server refused meeting {meeting_id} ({reason}): it is retried at the next sync.",
        ),
        "county.sync.refused_total": (
            "{count} 个会议未被接收，下次运行 sync 时重试。",
            "{count} meetings were not accepted; they are retried at the next sync.",
        ),
        "county.report.bad_month": (
            "月份“{month}”不可用：请写成 YYYY-MM，如 2026-10。",
            "month '{month}' is not usable: write it as YYYY-MM, e.g. 2026-10.",
        ),
        "county.report.no_views": (
            "{url} 上还没有县级统计视图：先从任一社区电脑运行 meeting-tui sync。",
            "{url} has no county views yet: run meeting-tui sync from any community laptop first.",
        ),
        "county.report.out_exists": (
            "文件 {path} 已存在：换一个 --out 路径，或先移走它。",
            "the file {path} exists: choose another --out path, or move it away first.",
        ),
        "county.report.out_failed": (
            "无法写入 {path}（{reason}）：检查文件夹是否存在、是否可写。",
            "cannot write {path} ({reason}): check that the folder exists and is writable.",
        ),
        "county.sync.design_forbidden": (
            "服务器 {url} 不允许本账号安装县级统计视图（需要数据库管理员）：请管理员先运行一次 meeting-tui sync，或为本账号授权。",
            "the server {url} does not let this account install the county views (a database admin is needed): have an admin run meeting-tui sync once, or grant the right.",
        ),
        "county.sync.broken": (
            "会议 {meeting_id} 的文件已损坏，未发送：在开始界面按 ctrl+r 从备份恢复后再运行 sync。",
            "meeting {meeting_id} was not sent, its file is damaged: restore it from a backup (ctrl+r on the start screen), then run sync again.",
        ),
        "county.http.tls": (
            "无法验证 {url} 的加密连接（{reason}）：未做任何更改；请检查服务器证书和本机日期时间。",
            "cannot verify the encrypted connection to {url} ({reason}): nothing was changed; check the server's certificate and this computer's date and time.",
        ),
    }
)
