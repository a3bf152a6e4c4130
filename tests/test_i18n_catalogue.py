"""Every key the code uses is in the catalogue, and every key in the catalogue is used.

The code is read, not run: an AST scan of every module of meeting_tui finds
each string that is (or is shaped like) a key — `t("…")`, `_t(lang, "…")`, the
first argument of any `CatalogueError` subclass, `Key(...)`'s description,
group and footer, and any literal passed on to a helper or kept in a table —
and each f-string or `"prefix." + …` that builds one. Keys built from a
variable alone (`f"{prefix}.{value}"`) are named below with where their family
comes from. Texts the code fills at run time (`event.{kind}`, `col.{name}` …)
are checked by the whole suite, which runs with MEETING_TUI_STRICT_TEXT=1.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import meeting_tui
import meeting_tui.domain
from meeting_tui import i18n
from meeting_tui.domain import errors as domain_errors
from meeting_tui.domain import messages as domain_messages

PACKAGE = Path(meeting_tui.__file__).parent
KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+")
STEM = re.compile(r"[a-z][a-z0-9_]*\.")
KEYS = set(i18n.keys())

# Key-shaped strings that are not catalogue keys, and why.
NOT_KEYS = {
    "app.quit": "a Textual action name",
    "session.closed": "the id prefix of the closed session screen's bindings",
    "meeting_tui.minutes": "a module name",
}
NOT_KEY_SHAPES = (
    re.compile(
        r".*\.(json|toml|lock|html|md|csv|docx|bak|tmp|txt|svg|png|tcss|journal|lines|basis)"
    ),  # file names
    re.compile(r"markdown\..*"),  # Rich's style names for Markdown
)
# f-strings whose first part is a variable: what each builds, and where its keys come from.
BUILT_FROM_VARIABLES = {
    ("domain/messages.py", "{}.{}"): "label(): enum prefix + value, the LABEL_FAMILY below",
    ("domain/errors.py", "{}.{}"): "field= and state= values of an error (TRANSLATED_VALUES)",
    ("domain/owners/rules.py", "{}{}.{}"): "format_area: a number, not a key",
    ("domain/owners/rules.py", "{}.area.{}"): "the owners.rule.* stems, literal in the same file",
    ("domain/owners/rules.py", "{}.heads.{}"): "the owners.rule.* stems, literal in the same file",
    ("tui/keymap.py", "{}.{}"): "a binding id, not a key",
    ("cli.py", "meeting_tui.verbs.{}"): "the module of the verb being run, not a key",
}
# Keys no code names, on purpose.
UNUSED_ON_PURPOSE: dict[str, str] = {}


@dataclass(frozen=True)
class Use:
    text: str  # the literal, or the f-string with `{}` for each value
    where: str  # path:line


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "i18n.py":  # the catalogue's own machinery: module names, not keys
            continue
        yield str(path.relative_to(PACKAGE)), ast.parse(path.read_text("utf-8"))


def _area_files() -> set[str]:
    return {
        name.removeprefix("meeting_tui.").replace(".", "/") + ".py"
        for modules in i18n.AREAS.values()
        for name in modules
    }


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _definitions(tree: ast.Module) -> set[int]:
    """The keys of an area module's tables: where a key is defined, not used."""
    found: set[int] = set()
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Dict):
            found.update(id(k) for k in value.keys if isinstance(k, ast.Constant))
    return found


def _pattern(node: ast.expr) -> str:
    """`f"col.{name}"` → `col.{}`; `"col." + name` → `col.{}`; any other value → `{}`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_pattern(v) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pattern(node.left) + _pattern(node.right)
    return "{}"


def _is_built_string(node: ast.AST) -> bool:
    """An f-string, or a `+` with a string literal on one side (the outermost `+` only)."""
    if isinstance(node, ast.JoinedStr):
        return True
    return (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and any(isinstance(side, ast.Constant | ast.JoinedStr) for side in (node.left, node.right))
    )


def _catalogue_error_names() -> set[str]:
    for info in pkgutil.walk_packages(meeting_tui.__path__, "meeting_tui."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    names: set[str] = set()
    todo = [i18n.CatalogueError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


# Where a call takes a key: positions (int) and keyword names (str).
KEY_ARGUMENTS: dict[str, tuple[int | str, ...]] = {
    "t": (0,),
    "_t": (1,),
    "Key": (2, 3, "footer"),
    **{name: (0,) for name in _catalogue_error_names()},
}


def _scan() -> tuple[list[Use], list[Use], list[Use], list[tuple[str, str]]]:
    """Key-shaped literals, f-string patterns, literals in a key's place, `key.replace(a, b)`."""
    literals: list[Use] = []
    patterns: list[Use] = []
    in_key_place: list[Use] = []
    renames: list[tuple[str, str]] = []
    areas = _area_files()
    for path, tree in _modules():
        skip = _docstrings(tree) | (_definitions(tree) if path in areas else set())
        inner: set[int] = set()  # parts of a string already read whole
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in skip and KEY_SHAPE.fullmatch(node.value):
                    literals.append(Use(node.value, where))
            elif _is_built_string(node) and id(node) not in inner:
                inner.update(id(n) for n in ast.walk(node) if n is not node)
                built = _pattern(node)  # type: ignore[arg-type]
                if "{}" in built and KEY_SHAPE.fullmatch(built.replace("{}", "x")):
                    patterns.append(Use(built, where))
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                texts = [
                    a.value
                    for a in node.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                if name == "replace" and len(texts) == 2 and all(STEM.match(x) for x in texts):
                    # `outcome.key.replace("rule.reason.", "plain.")`
                    renames.append((texts[0], texts[1]))
                for place in KEY_ARGUMENTS.get(name, ()):
                    if isinstance(place, int):
                        arg = node.args[place] if place < len(node.args) else None
                    else:
                        arg = next((k.value for k in node.keywords if k.arg == place), None)
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        in_key_place.append(Use(arg.value, where))
    return literals, patterns, in_key_place, renames


LITERALS, PATTERNS, IN_KEY_PLACE, RENAMES = _scan()


def _label_family() -> set[str]:
    """`label()`'s keys: each domain enum's prefix and each member's value."""
    found: set[str] = set()
    for info in pkgutil.iter_modules(meeting_tui.domain.__path__, "meeting_tui.domain."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            prefix = domain_messages._PREFIX.get(getattr(value, "__name__", ""))
            if prefix and isinstance(value, type):
                found.update(f"{prefix}.{member.value}" for member in value)  # type: ignore[attr-defined]
    return found


LABEL_FAMILY = _label_family()
# A DomainError's `field=` and `state=` values are told with these prefixes (`field.title`):
# the value is a variable all the way down from each guard, so the whole table is in use.
TRANSLATED_VALUES = {k for k in KEYS if k.split(".")[0] in set(domain_errors._TRANSLATED.values())}


def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(
        "".join(
            r"[\w-]+" if part == "{}" else re.escape(part) for part in re.split(r"(\{\})", pattern)
        )
    )


def _stems() -> set[str]:
    """Key-shaped literals that are not keys but begin keys: the code adds the rest."""
    return {
        u.text
        for u in LITERALS
        if u.text not in KEYS and any(k.startswith(u.text + ".") for k in KEYS)
    }


def _used_keys() -> set[str]:
    used = {u.text for u in LITERALS if u.text in KEYS} | LABEL_FAMILY | TRANSLATED_VALUES
    stems = _stems()
    used |= {k for k in KEYS for stem in stems if k.startswith(stem + ".")}
    for use in PATTERNS:
        if use.text.startswith("{}"):  # `{key}.refused`, `{key}.help`: a suffix on a key
            suffix = use.text.removeprefix("{}")
            used |= {k for k in KEYS if k.endswith(suffix) and k.removesuffix(suffix) in KEYS}
        else:
            used |= {k for k in KEYS if _regex(use.text).fullmatch(k)}
    for old, new in RENAMES:
        used |= {k.replace(old, new, 1) for k in used if k.startswith(old)} & KEYS
    return used


def _not_a_key(text: str) -> bool:
    return text in NOT_KEYS or any(shape.fullmatch(text) for shape in NOT_KEY_SHAPES)


def test_the_scan_sees_every_way_a_key_is_used() -> None:
    """The scan is not vacuous: it finds keys in each of the places the docstring names."""
    places = {u.where.split(":")[0] for u in LITERALS if u.text in KEYS}
    assert {"tui/screens/backlog.py", "domain/archive_views.py", "tui/keymap.py"} <= places
    assert "backlog.where_agenda" in {u.text for u in LITERALS}
    assert {"t", "_t", "Key", "DomainError", "StoreError"} <= KEY_ARGUMENTS.keys()
    assert any(u.text == "event.{}" for u in PATTERNS)
    assert len(IN_KEY_PLACE) > 500


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    unknown = sorted(
        f"{u.where} {u.text}"
        for u in LITERALS
        if u.text not in KEYS and not _not_a_key(u.text) and u.text not in _stems()
    )
    assert unknown == [], "add these to an area's table, or to NOT_KEYS with the reason"


def test_every_literal_in_a_keys_place_is_a_key() -> None:
    """`t("Hello")` or `DomainError("no such item")` would show a raw string: refuse it."""
    wrong = sorted(f"{u.where} {u.text!r}" for u in IN_KEY_PLACE if u.text and u.text not in KEYS)
    assert wrong == []


def test_every_built_key_has_a_family() -> None:
    """An f-string key matches some key; one built from variables alone says where its keys are."""
    lost = []
    for use in PATTERNS:
        path = use.where.split(":")[0]
        if (path, use.text) in BUILT_FROM_VARIABLES or _not_a_key(use.text.replace("{}", "x")):
            continue
        if use.text.startswith("{}"):
            suffix = use.text.removeprefix("{}")
            if not suffix.startswith("."):
                lost.append(f"{use.where} {use.text}")
            continue
        if not any(_regex(use.text).fullmatch(k) for k in KEYS):
            lost.append(f"{use.where} {use.text}")
    assert lost == [], (
        "no key matches these: add the keys, or name the family in BUILT_FROM_VARIABLES"
    )


def test_the_families_named_by_hand_are_still_in_the_code() -> None:
    found = {(u.where.split(":")[0], u.text) for u in PATTERNS}
    assert set(BUILT_FROM_VARIABLES) <= found
    assert set(NOT_KEYS) <= {u.text for u in LITERALS}, "an exception the code no longer has"
    assert LABEL_FAMILY <= KEYS, sorted(LABEL_FAMILY - KEYS)


def test_no_key_is_left_unused() -> None:
    unused = sorted(KEYS - _used_keys() - UNUSED_ON_PURPOSE.keys())
    assert unused == [], "remove these keys, or list them in UNUSED_ON_PURPOSE with the reason"
    assert not (UNUSED_ON_PURPOSE.keys() - KEYS), "a deliberate exception that no longer exists"
    assert not (UNUSED_ON_PURPOSE.keys() & _used_keys()), "an exception that is used after all"
