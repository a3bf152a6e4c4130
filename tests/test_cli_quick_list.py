"""`meeting-tui list` reads the index with the standard library alone, and says the same.

When the index parses, knows every meeting file, and no row is in session or
damaged, the command's entry point lists the archive without the CLI, the store's
archive, TinyDB or the domain (meeting_tui/verbs/quick_list.py). Every other
case takes the whole CLI. Each check runs the real command in a fresh
interpreter and compares its output, byte for byte, with the whole CLI's answer
for the same archive in this process, and names which path answered.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from meeting_tui import cli, i18n, locations
from meeting_tui.demo import CLOSED_ID, LIVE_ID, load_demo_logs
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting

# Loaded by the whole CLI's `list`, never by the quick one.
WHOLE = ("meeting_tui.cli", "meeting_tui.store.archive", "tinydb", "meeting_tui.domain")

TITLES = ["楼道灯修缮议事", "Parking \u300c南苑\u300d 3号楼", "垃圾分类 — 第二次"]


@pytest.fixture(autouse=True)
def fresh_globals() -> Iterator[None]:
    yield
    i18n.set_language("zh")
    locations.set_data_directory(None)


def closed_archive(root: Path) -> Path:
    """The demo's closed meeting and three new ones with Chinese titles: nothing in session."""
    archive = open_archive(root)
    assert LiveMeeting.install(archive, CLOSED_ID, load_demo_logs()[CLOSED_ID])
    for title in TITLES:
        assert cli.main(["--data-dir", str(root), "new", "--title", title]) == 0
    locations.set_data_directory(None)
    return root


def command(argv: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str, set[str]]:
    """`python -m meeting_tui ARGV` in a fresh interpreter: status, out, err, and what it loaded."""
    code = (
        "import atexit, sys\n"
        "kept = sys.argv.pop()\n"
        "atexit.register(lambda: print(*sorted(sys.modules), file=open(kept, 'w')))\n"
        "import runpy; runpy.run_module('meeting_tui', run_name='__main__')\n"
    )
    modules = Path(os.environ.get("TMPDIR", "/tmp")) / f"quick-list-{os.getpid()}.txt"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv, str(modules)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    loaded = set(modules.read_text().split())
    modules.unlink()
    return done.returncode, done.stdout, done.stderr, loaded


def whole_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def took_quick_path(loaded: set[str]) -> bool:
    return "meeting_tui.verbs.quick_list" in loaded and not any(name in loaded for name in WHOLE)


@pytest.mark.parametrize(
    "shape",
    [["list"], ["list", "--json"]],
    ids=["table", "json"],
)
@pytest.mark.parametrize("folder_as", ["--data-dir", "--data-dir=", "environment"])
def test_a_still_archive_is_listed_quickly_and_the_same(
    shape: list[str], folder_as: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = closed_archive(tmp_path / "数据")
    expected = whole_cli(["--data-dir", str(root), *shape], capsys)
    env = None
    if folder_as == "--data-dir":
        argv = ["--data-dir", str(root), *shape]
    elif folder_as == "--data-dir=":
        argv = [f"--data-dir={root}", *shape]
    else:
        argv, env = shape, {locations.DATA_ENV: str(root)}
    status, out, err, loaded = command(argv, env)
    assert (status, out, err) == expected
    assert took_quick_path(loaded), sorted(loaded & set(WHOLE))
    if shape == ["list"]:
        assert {line.split("  ")[-1].strip() for line in out.splitlines()} >= set(TITLES)
    else:
        assert len(json.loads(out)) == len(TITLES) + 1


def in_session(root: Path) -> None:
    LiveMeeting.install(open_archive(root), LIVE_ID, load_demo_logs()[LIVE_ID])


def unindexed(root: Path) -> None:
    """A meeting file the index does not know: a crash between the file and the index."""
    (root / "meetings" / f"{CLOSED_ID}.json").rename(root / "meetings" / "20260101-abcd.json")


def damaged_index(root: Path) -> None:
    (root / "index.json").write_bytes(b'{"meetings": {"1": ')


def missing_file(root: Path) -> None:
    (root / "meetings" / f"{CLOSED_ID}.json").unlink()


def folder_for_a_file(root: Path) -> None:
    (root / "meetings" / f"{CLOSED_ID}.json").unlink()
    (root / "meetings" / f"{CLOSED_ID}.json").mkdir()


def no_index(root: Path) -> None:
    (root / "index.json").unlink()


def index_row_not_a_table(root: Path) -> None:
    (root / "index.json").write_text('{"meetings": []}', encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        in_session,
        unindexed,
        damaged_index,
        missing_file,
        folder_for_a_file,
        no_index,
        index_row_not_a_table,
    ],
)
def test_every_other_archive_gets_the_whole_cli(
    change: Callable[[Path], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = closed_archive(tmp_path / "data")
    change(root)
    shutil.copytree(root, tmp_path / "as-it-was", symlinks=True)
    status, out, err, loaded = command(["--data-dir", str(root), "list"])
    assert not took_quick_path(loaded)
    shutil.rmtree(root)  # the whole CLI's answer on the same archive, as it was
    shutil.copytree(tmp_path / "as-it-was", root, symlinks=True)
    status_again, out_again, err_again = whole_cli(["--data-dir", str(root), "list"], capsys)
    assert (status, out, unstamped(err)) == (status_again, out_again, unstamped(err_again))


def unstamped(err: str) -> str:
    """A quarantine copy's name holds the second it was made (`index-20261202T131500.json`)."""
    return re.sub(r"-\d{8}T\d{6}\.json", "-<second>.json", err)


def test_an_empty_archive_gets_the_whole_cli_and_its_hint(tmp_path: Path) -> None:
    status, out, err, loaded = command(["--data-dir", str(tmp_path / "new"), "list"])
    assert not took_quick_path(loaded)
    assert (status, err) == (0, "") and "meeting-tui demo" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--bogus"],
        ["--lang", "en", "list"],
        ["--data-dir"],
        ["list", "--json", "--json"],
        ["--data", "DIR", "list"],
        ["--data-dir", "", "list"],
        ["--data-dir", "-x", "list"],
        ["backlog"],
        ["--version"],
    ],
)
def test_other_command_lines_get_the_whole_cli(argv: list[str], tmp_path: Path) -> None:
    root = closed_archive(tmp_path / "data")
    argv = [str(root) if word == "DIR" else word for word in argv]
    *_, loaded = command(argv)
    assert not took_quick_path(loaded)


def test_a_data_folder_that_is_a_file_is_refused_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "not-a-folder"
    file.write_text("x", encoding="utf-8")
    status, out, err, loaded = command(["--data-dir", str(file), "list"])
    assert not took_quick_path(loaded)
    assert (status, out, err) == whole_cli(["--data-dir", str(file), "list"], capsys)
    assert status == 2 and str(file) in err


def test_escape_codes_in_an_index_title_do_not_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-edited index: its text is shown without the terminal's control codes."""
    root = closed_archive(tmp_path / "data")
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    first = next(iter(index["meetings"].values()))
    first["title"] = "议题\x1b[2J\x1b]0;owned\x07\u009b31m<b>完</b>"
    (root / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    status, out, err, loaded = command(["--data-dir", str(root), "list"])
    assert took_quick_path(loaded)
    assert (status, out, err) == whole_cli(["--data-dir", str(root), "list"], capsys)
    assert "\x1b" not in out and "\x07" not in out and "\u009b" not in out
    assert "议题" in out and "<b>完</b>" in out  # the terminal shows markup as text


def test_json_escapes_the_controls_json_dumps_leaves_and_still_decodes(tmp_path: Path) -> None:
    """DEL and the C1 controls (U+009B starts an escape sequence on some terminals)."""
    root = closed_archive(tmp_path / "data")
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    first = next(iter(index["meetings"].values()))
    first["title"] = "议题\u009b31m\x7f完"
    (root / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    status, out, err, loaded = command(["--data-dir", str(root), "list", "--json"])
    assert took_quick_path(loaded) and (status, err) == (0, "")
    assert "\u009b" not in out and "\x7f" not in out
    assert "议题\u009b31m\x7f完" in {row["title"] for row in json.loads(out)}


def test_a_listing_cut_short_by_its_reader_ends_quietly_not_in_a_traceback(
    tmp_path: Path,
) -> None:
    """`meeting-tui list --json | true` on a long archive: the reader never reads, and the
    pipe (its 64 KiB buffer full) closes under the write; said by neither path."""
    root = closed_archive(tmp_path / "data")
    for n in range(400):
        assert cli.main(["--data-dir", str(root), "new", "--title", f"第{n}次 楼道议事"]) == 0
    locations.set_data_directory(None)
    done = subprocess.run(
        f"{sys.executable} -m meeting_tui --data-dir '{root}' list --json | true; "
        "echo ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.stdout, done.stderr) == ("1\n", "")
