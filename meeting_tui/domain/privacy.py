"""Redaction shared by the minutes export and the publicity page.

Residents have no accounts and did not agree to be published: a public page
says "李某", never "李建国", and never a whole phone or ID number (DESIGN §1,
§6). The same functions serve the minutes so that "redacted minutes" and the
publicity page can never disagree.

Choices made here:

* :func:`shorten_name` keeps the surname and replaces the given name with
  某 (compound surnames such as 欧阳 are kept whole). What is already not a
  full name is left alone: 李姓居民, 老李, 张书记 (surname + title is how people
  are addressed at a meeting and names nobody uniquely), role words such as
  居民 or 施工方, and anything ending in 某. Latin-script names keep the first
  word and the initial of the last ("Zhang Wei" → "Zhang W.").
* Phone numbers keep the first 3 and last 4 digits (138****5678), as Chinese
  apps and couriers print them; ID numbers (18 or 15 characters) keep the
  first 4 and last 4, so at most 8 original characters survive and the
  birth date never does; any other run of 15–19 digits (old IDs, bank
  cards) is masked the same way. Full-width digits count as digits. A number glued
  to other digits (part of a longer number) is left alone, so amounts such
  as 100000 元 and dates such as 2026年11月27日 are not touched.
* Landline numbers are not masked: the ones read out at a meeting are the
  community office's, which are public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐",
    "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯",
)  # fmt: skip

ROLE_WORDS = frozenset(
    {
        "居民", "村民", "业主", "租户", "群众", "代表", "委员", "施工方", "工程方",
        "物业", "业委会", "社区", "街道", "主持人", "记录人", "记录员", "志愿者",
        "党员", "网格员", "楼长", "单元长", "其他", "匿名", "未知",
    }
)  # fmt: skip

# How people are addressed: 张书记 names nobody uniquely, 刘相文主任 does.
TITLES = (
    "书记", "主任", "委员", "经理", "负责人", "老师", "师傅", "医生", "警官",
    "先生", "女士", "同志", "阿姨", "大爷", "大妈", "代表",
)  # fmt: skip

# A word containing one of these names a role or a group, not a person.
ROLE_MARKERS = (
    "居民", "代表", "工作人员", "干部", "姓", "社区", "物业", "公司", "部门",
    "单位", "政府", "街道", "施工", "小区", "委会", "办事处",
)  # fmt: skip

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef"
_HAN_NAME = re.compile(rf"[{_HAN}]+(?:[·•・][{_HAN}]+)*")
_NICKNAME = re.compile(rf"[老小阿][{_HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*")

_DIGIT_FOLD = str.maketrans("０１２３４５６７８９Ｘｘ－\u3000", "0123456789Xx- ")
_SEP = r"[ \-]?"
_ID_NUMBER = re.compile(
    rf"(?<![0-9])(?:\d{{6}}{_SEP}\d{{8}}{_SEP}\d{{3}}[0-9Xx]|\d{{15,19}})(?![0-9])", re.ASCII
)
_MOBILE = re.compile(
    rf"(?<![0-9])(?:(?:\+|00)?86{_SEP})?(1[3-9]\d){_SEP}\d{{4}}{_SEP}(\d{{4}})(?![0-9])", re.ASCII
)


def is_generic_name(name: str) -> bool:
    """True when `name` names a role, a title or a surname, not a person."""
    return shorten_name(name) == name.strip()


def shorten_name(name: str) -> str:
    """The form of `name` a public page may show: 李建国 → 李某, 欧阳明 → 欧阳某."""
    name = name.strip()
    if len(name) < 2 or name.endswith("某") or name in ROLE_WORDS:
        return name
    if name in COMPOUND_SURNAMES or _NICKNAME.fullmatch(name):
        return name
    title = next((t for t in TITLES if name.endswith(t) and len(name) > len(t)), None)
    if title is not None:  # 刘相文主任 → 刘某主任; 张书记 stays
        return shorten_name(name[: -len(title)]) + title
    if any(marker in name for marker in ROLE_MARKERS):
        return name
    if _HAN_NAME.fullmatch(name):
        surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[0])
        return surname + "某"
    words = name.split()
    if all(_LATIN_WORD.fullmatch(word) for word in words):
        if len(words[-1].rstrip(".")) <= 1:  # "Zhang W." is already short
            return name
        initial = words[-1][0] + "."
        return initial if len(words) == 1 else f"{words[0]} {initial}"
    return name[0] + "某"


def mask_personal_numbers(text: str) -> str:
    """`text` with mobile and ID numbers masked; other numbers untouched."""
    folded = text.translate(_DIGIT_FOLD)
    # Same length as `text`, so match positions in `folded` are valid in `text`.
    pieces: list[str] = []
    last = 0
    for start, end, masked in _number_spans(folded):
        pieces.append(text[last:start])
        pieces.append(masked)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _number_spans(folded: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for match in _ID_NUMBER.finditer(folded):
        digits = re.sub(r"[ \-]", "", match.group())
        spans.append(
            (match.start(), match.end(), digits[:4] + "*" * (len(digits) - 8) + digits[-4:])
        )
    taken = [(start, end) for start, end, _ in spans]
    for match in _MOBILE.finditer(folded):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        # Keep a +86 prefix as written: only the number itself is personal.
        spans.append((match.start(1), match.end(), f"{match.group(1)}****{match.group(2)}"))
    return sorted(spans)


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """`text` with numbers masked and every full name in `names` shortened.

    Longer names are replaced first, so 欧阳明华 is not half-replaced by a
    roster entry 欧阳明. Replacing one name can, in odd rosters, spell
    another (张三 + 某王 in "张三王"), so passes repeat until nothing changes;
    each pass makes the text strictly "more masked", so this ends.
    """
    result = mask_personal_numbers(text)
    wanted = sorted(
        {n.strip() for n in names if not is_generic_name(n)}, key=lambda n: (-len(n), n)
    )
    replacements = [(name, shorten_name(name)) for name in wanted]
    for _ in range(len(replacements) + 1):
        before = result
        for name, short in replacements:
            result = result.replace(name, short)
        if result == before:
            break
    return result
