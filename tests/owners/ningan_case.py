"""The 宁安 case (凯旋帝景小区, field report): 284 households over 6 buildings, 7 firms.

Deterministic, so a test can say exactly what the count must be: areas
vary by floor and door, one buyer holds two flats in building 2, the
developer still holds three unsold flats in building 6 (one owner together).
"""

from __future__ import annotations

from dataclasses import dataclass

FIRMS = (
    "宁夏安居物业",
    "银川嘉和物业",
    "金凤区恒泰物业",
    "凯旋物业服务",
    "中房物业",
    "宏洋物业",
    "绿城服务",
)
UNITS_PER_BUILDING = (48, 48, 48, 48, 46, 46)  # 284


@dataclass(frozen=True)
class Flat:
    building: int
    entrance: int
    room: str
    owner: str
    area: str
    key: str
    developer: bool

    @property
    def id(self) -> str:
        return f"{self.building}-{self.entrance}-{self.room}"


def flats() -> list[Flat]:
    out: list[Flat] = []
    surnames = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林"
    for building, count in enumerate(UNITS_PER_BUILDING, start=1):
        for n in range(count):
            entrance, rest = divmod(n, count // 2)
            floor, door = divmod(rest, 2)
            room = f"{floor + 1}0{door + 1}"
            area = f"{78 + (building * 7 + floor * 3 + door * 11) % 45}.{(n * 37) % 100:02d}"
            owner = f"{surnames[(building * 31 + n) % len(surnames)]}{'建国秀英志强桂兰'[n % 8]}"
            key, developer = "", False
            if building == 2 and room in ("101", "102") and entrance == 0:
                owner, key = "郭建华", "640102198001010011"
            if building == 6 and entrance == 1 and floor >= 10:
                owner, developer = "凯旋置业", True
            out.append(Flat(building, entrance + 1, room, owner, area, key, developer))
    return out


def roster_csv() -> str:
    lines = ["楼号,单元,房号,业主,登记面积,业主标识,开发商"]
    for f in flats():
        lines.append(
            f"{f.building},{f.entrance},{f.room},{f.owner},{f.area},{f.key},{'是' if f.developer else ''}"
        )
    return "\r\n".join(lines) + "\r\n"


def answer_for(index: int) -> str:
    """The firm (1–7) or 0 (abstain) a household chose: 凯旋物业服务 (4) leads clearly.

    Flats 48 and 49 (2-1-101, 2-1-102) are 郭建华's: one owner, one answer.
    """
    if index == 49:
        index = 48
    pattern = "4414424434144546447401"
    return pattern[index % len(pattern)]
