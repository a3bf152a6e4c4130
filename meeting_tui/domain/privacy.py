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
* Mobile numbers are found also when spaced, dotted or dashed (139 1234 5678,
  139.1234.5678, +86 139-…); landlines with an area code (0951-5012345,
  (010)12345678) keep the area code and the last 4 digits; e-mail addresses
  keep the first character of the name and the domain. Numbers the
  committee publishes itself (its office phone, when configured as the
  contact line) are passed as `keep_numbers` and left as written.
* Organisations and places are never names of people (`organisations`):
  警务站 stays 警务站, not 警某, wherever it appears.
* A person's name is found in free text also when typed with spaces
  ("王 小明") and mixed with Latin letters or digits ("李Tom", "张三3", whose
  Chinese part 张三 is shortened too). The names of a meeting are compiled
  into ONE pattern (`Redactor`), so redacting a meeting is one scan per text,
  not one per name and text.
* Privacy wins a tie: a "body" whose name holds a person's name (赵丽丽楼 with
  赵丽丽 on the roster) protects nothing. The facilitator's recorded choices
  (`shown`: publish this name whole; `hidden`: shorten it even though it reads
  as a body) override the rules for that name only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from meeting_tui.domain.organisations import is_organisation

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
    "先生", "女士", "同志", "阿姨", "大爷", "大妈", "代表", "院长", "校长", "所长", "站长",
    "局长", "处长", "科长", "队长", "社长", "会长", "组长", "部长", "园长", "馆长", "网格员",
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
_SEP = r"[ .\-]?"
_ID_NUMBER = re.compile(
    rf"(?<![0-9])(?:\d{{6}}{_SEP}\d{{8}}{_SEP}\d{{3}}[0-9Xx]|\d{{15,19}})(?![0-9])", re.ASCII
)
_MOBILE = re.compile(
    rf"(?<![0-9])(?:\(?(?:\+|00)?86\)?{_SEP})?(1[3-9]\d){_SEP}\d{{4}}{_SEP}(\d{{4}})(?![0-9])",
    re.ASCII,
)
_LANDLINE = re.compile(
    r"(?<![0-9])(\(0\d{2,3}\)|0\d{2,3})([ \-]?)(\d{3,4}[ \-]?\d{4})(?![0-9])", re.ASCII
)
_EMAIL = re.compile(r"([A-Za-z0-9])[A-Za-z0-9._%+\-]*@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
_SPACES = re.compile(r"[\s\u3000]+")
_HAN_CHAR = re.compile(rf"[{_HAN}]")


def is_generic_name(name: str) -> bool:
    """True when `name` names a role, a title, a surname or an organisation, not a person."""
    return shorten_name(name) == name.strip()


def _surname(name: str) -> str:
    return next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[0])


def shorten_name(name: str) -> str:
    """The form of `name` a public page may show: 李建国 → 李某, 欧阳明 → 欧阳某."""
    name = name.strip()
    if len(name) < 2 or name.endswith("某") or name in ROLE_WORDS:
        return name
    if is_organisation(name):  # 警务站, 连湖花园幼儿园: public bodies, kept whole
        return name
    joined = _SPACES.sub("", name)
    if _HAN_CHAR.match(name) and _HAN_NAME.fullmatch(joined):
        name = joined  # "王 小明" is 王小明
    if name in COMPOUND_SURNAMES or _NICKNAME.fullmatch(name):
        return name
    title = next((t for t in TITLES if name.endswith(t) and len(name) > len(t)), None)
    if title is not None:  # 刘相文主任 → 刘某主任; 张书记 stays
        return shorten_name(name[: -len(title)]) + title
    if any(marker in name for marker in ROLE_MARKERS):
        return name
    if _HAN_NAME.fullmatch(name):
        return _surname(name) + "某"
    words = name.split()
    if all(_LATIN_WORD.fullmatch(word) for word in words):
        if len(words[-1].rstrip(".")) <= 1:  # "Zhang W." is already short
            return name
        initial = words[-1][0] + "."
        return initial if len(words) == 1 else f"{words[0]} {initial}"
    if _HAN_CHAR.match(name):  # 李Tom, 张三3 → 李某, 张某
        return _surname(name) + "某"
    return name[0] + "某"


def _digits(text: str) -> str:
    digits = re.sub(r"[^0-9]", "", text.translate(_DIGIT_FOLD))
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def mask_personal_numbers(text: str, keep_numbers: Iterable[str] = ()) -> str:
    """`text` with mobile, landline, ID numbers and e-mail addresses masked.

    Numbers in `keep_numbers` (compared by their digits) stay as written.
    """
    kept = frozenset(_digits(n) for n in keep_numbers)
    folded = text.translate(_DIGIT_FOLD)
    # Same length as `text`, so match positions in `folded` are valid in `text`.
    pieces: list[str] = []
    last = 0
    for start, end, masked in _number_spans(folded):
        if kept and _digits(folded[start:end]) in kept:
            continue
        pieces.append(text[last:start])
        pieces.append(masked)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _number_spans(folded: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e, _ in spans)

    for match in _ID_NUMBER.finditer(folded):
        digits = re.sub(r"[ \-]", "", match.group())
        spans.append(
            (match.start(), match.end(), digits[:4] + "*" * (len(digits) - 8) + digits[-4:])
        )
    for match in _MOBILE.finditer(folded):
        if free(match.start(), match.end()):
            # Keep a +86 prefix as written: only the number itself is personal.
            spans.append((match.start(1), match.end(), f"{match.group(1)}****{match.group(2)}"))
    for match in _LANDLINE.finditer(folded):
        if free(match.start(), match.end()):
            local = re.sub(r"[ \-]", "", match.group(3))
            masked = match.group(1) + match.group(2) + "*" * (len(local) - 4) + local[-4:]
            spans.append((match.start(), match.end(), masked))
    for match in _EMAIL.finditer(folded):
        if free(match.start(), match.end()):
            spans.append((match.start(), match.end(), f"{match.group(1)}***@{match.group(2)}"))
    return sorted(spans)


def _variants(name: str) -> list[str]:
    """The forms of a person's name to look for: 王小明; for 张三3 also 张三."""
    joined = _SPACES.sub("", name)
    forms = [joined]
    han = "".join(_HAN_CHAR.findall(joined))
    if han != joined and len(han) >= 2 and joined.startswith(han):
        forms.append(han)
    return forms


def _spaced(form: str) -> str:
    """A pattern for `form` that also matches it typed with spaces between characters."""
    return r"[\s\u3000]*".join(re.escape(ch) for ch in form)


@dataclass(frozen=True)
class NameDecision:
    """What the redactor does with one name the meeting holds, for the publish preview."""

    name: str
    shown_as: str
    shortened: bool
    reason: str  # "person", "organisation", "generic", "shown"


class Redactor:
    """The names of one meeting, compiled once into one pattern.

    `people` are shortened wherever they appear (unless in `shown`, which the
    facilitator opted in to publish), and so is every name in `hidden`; `organisations` are protected, so a
    person's name that is part of one (rare) does not bend it.
    """

    def __init__(
        self,
        people: Iterable[str],
        organisations: Iterable[str] = (),
        *,
        keep_numbers: Iterable[str] = (),
        shown: Iterable[str] = (),
        hidden: Iterable[str] = (),
    ) -> None:
        self.keep_numbers = tuple(keep_numbers)
        hidden = tuple(hidden)
        self.shown = frozenset(_SPACES.sub("", n.strip()) for n in shown)
        self.hidden = frozenset(_SPACES.sub("", n.strip()) for n in hidden) - self.shown
        self.decisions: dict[str, NameDecision] = {}
        self._short: dict[str, str] = {}
        protected: set[str] = set()
        shown_forms: set[str] = set()
        for org in organisations:
            org = org.strip()
            if len(org) >= 2 and _SPACES.sub("", org) not in self.hidden:
                protected.add(org)
                why = "organisation" if is_organisation(org) else "generic"  # 居民, 施工方
                self.decisions.setdefault(org, NameDecision(org, org, False, why))
        for raw in (*hidden, *people):  # a name the facilitator chose to shorten is a person
            name = raw.strip()
            if not name or name in self.decisions:
                continue
            short = shorten_name(name)
            if _SPACES.sub("", name) in self.hidden:  # the facilitator says: a person
                short = short if short != name else _surname(name) + "某"
                self._person(name, short)
            elif is_organisation(name):
                protected.add(name)
                self.decisions[name] = NameDecision(name, name, False, "organisation")
            elif short == name:
                self.decisions[name] = NameDecision(name, name, False, "generic")
            elif _SPACES.sub("", name) in self.shown:
                self.decisions[name] = NameDecision(name, name, False, "shown")
                shown_forms.add(name)  # matched whole, so 李丽3 is not read as 李丽 + 3
            else:
                self._person(name, short)
        # Privacy first: a "body" that holds a person's name (赵丽丽楼) protects nothing.
        self._protected = frozenset(
            org for org in protected if not any(f in _SPACES.sub("", org) for f in self._short)
        )
        forms = sorted({*self._short, *self._protected, *shown_forms}, key=lambda f: (-len(f), f))
        self._pattern = re.compile("|".join(_spaced(f) for f in forms)) if forms else None
        for org in protected - self._protected:
            self.decisions[org] = NameDecision(org, self.text(org), True, "person")

    def _person(self, name: str, short: str) -> None:
        self.decisions[name] = NameDecision(name, short, True, "person")
        for form in _variants(name):
            if len(form) >= 2:
                self._short.setdefault(form, short)

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group()
        joined = _SPACES.sub("", found)
        if found in self._protected or joined not in self._short:
            return found
        return self._short[joined]

    def text(self, text: str) -> str:
        """`text` with numbers masked and every person's name shortened, in one scan."""
        masked = mask_personal_numbers(text, self.keep_numbers)
        if self._pattern is None:
            return masked
        return self._pattern.sub(self._replace, masked)

    def person(self, name: str, *, opted_in: bool = False) -> str:
        """A field that holds one name: shortened whole unless opted in or not a person."""
        joined = _SPACES.sub("", name.strip())
        if opted_in or joined in self.shown:
            return mask_personal_numbers(name, self.keep_numbers)
        decision = self.decisions.get(name.strip())
        if decision is not None and joined in self.hidden:
            return decision.shown_as
        return self.text(shorten_name(name))


@lru_cache(maxsize=64)
def _redactor(names: frozenset[str]) -> Redactor:
    return Redactor(names)


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """`text` with numbers masked and every full name in `names` shortened.

    The names are compiled once per set (cached), so calling this for every
    text of a meeting with the same names scans each text once.
    """
    return _redactor(frozenset(n.strip() for n in names if n and n.strip())).text(text)
