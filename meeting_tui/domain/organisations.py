"""Telling an organisation or a place from a person: 金凤区文化体育旅游广电局 is not "金某".

A follow-up owner, a deferral keeper or a party at a Chinese community
meeting is far more often a body (警务站, 连湖花园幼儿园, 华润物业, 南苑社区居委会)
than a person, and its name is public: shortening it makes the 公示 wrong
and useless. A name reads as an organisation or a place when it ends in one
of the words below (局 站 园 处 所 院 中心 公司 委员会 …), or contains a 区/县/市/
省/镇 followed later by such a word ("金凤区…局"). Two-character words that
end in one (李园, 王院) are too often given names, so an organisation needs at
least three characters unless it ends in a word of two or more (物业, 社区),
and the single characters that also end given names (科, 苑, 楼 …) count
only in a name of five or more or after a place word.
"""

from __future__ import annotations

import re

# Longest first, so 居委会 is seen before 会 would be (会 alone is not in the list).
ORGANISATION_SUFFIXES = tuple(
    sorted(
        {
            "局", "站", "园", "处", "所", "院", "中心", "公司", "委员会", "居委会", "村委会",
            "管委会", "业委会", "办", "办事处", "街道", "社区", "小区", "队", "馆", "校",
            "医院", "银行", "协会", "物业", "政府", "厅", "部", "委", "科", "室", "组",
            "集团", "学校", "小学", "中学", "大学", "学院", "幼儿园", "派出所", "警务站",
            "卫生院", "服务站", "工作站", "服务中心", "支部", "党支部", "党委", "总支",
            "合作社", "联合会", "商会", "基金会", "研究会", "促进会", "超市", "商场", "药店",
            "诊所", "门诊", "酒店", "饭店", "工厂", "厂", "场", "所队", "大队", "中队", "支队",
            "分局", "法庭", "法院", "检察院", "供电局", "水务", "燃气", "电力", "电信", "移动",
            "联通", "邮政", "有限公司", "分公司", "事务所", "工作室", "家园", "花园", "新村",
            "苑", "府", "里", "庄", "村", "镇", "乡", "街", "路", "巷", "楼", "栋", "单元",
            "广场", "公园", "市场", "车站", "书院", "剧院", "影院", "体育馆", "图书馆", "文化馆",
            "养老院", "敬老院", "福利院", "托育", "驿站", "网格", "片区", "联盟", "团队", "服务队",
            "志愿队", "施工队", "工程队", "项目部", "指挥部", "办公室", "支行", "分行", "总会",
            "红十字会", "工会", "妇联", "团委", "残联", "会", "区",
        },
        key=lambda s: (-len(s), s),
    )
)  # fmt: skip

_PLACE_WORDS = "区县市省镇乡州盟旗"
_CORE_SINGLE = frozenset("局站园处所院办队馆校厅区")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_MIXED = re.compile(rf"[{_HAN}]")


def organisation_suffix(name: str) -> str | None:
    """The organisation word `name` ends in, if any."""
    name = name.strip()
    return next((s for s in ORGANISATION_SUFFIXES if name.endswith(s)), None)


def is_organisation(name: str) -> bool:
    """True when `name` reads as an organisation or a place, not as a person."""
    name = re.sub(r"[\s\u3000]+", "", name)
    if not _MIXED.search(name):
        return False
    suffix = organisation_suffix(name)
    if suffix is None:
        return False
    if len(suffix) >= 2:
        return True
    if suffix in _CORE_SINGLE:
        return len(name) >= 3
    # 科, 苑, 楼 … also end given names (李文科, 王思苑): only a longer name or a place counts.
    return len(name) >= 5 or reads_as_place(name)


def reads_as_place(name: str) -> bool:
    """A place word (区, 县, 市 …) before an organisation word: 金凤区文化体育旅游广电局."""
    suffix = organisation_suffix(name)
    if suffix is None:
        return False
    head = name[: -len(suffix)]
    return any(ch in head for ch in _PLACE_WORDS)
