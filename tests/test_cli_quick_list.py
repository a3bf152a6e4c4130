"""`meeting-tui list` reads the index with the standard library alone, and says the same;
`meeting-tui backlog` prints the text it kept, while it is true, the same way.

When the index parses, knows every meeting file, and no row is in session or
damaged, the command's entry point lists the archive without the CLI, the store's
archive, TinyDB or the domain (meeting_tui/verbs/quick_list.py). Every other
case takes the whole CLI. Each check runs the real command in a fresh
interpreter and compares its output, byte for byte, with the whole CLI's answer
for the same archive in this process, and names which path answered. The
backlog's quick path (meeting_tui/verbs/quick_backlog.py) prints only what the
whole verb kept (`summaries/backlog.<lang>.printed`) while the archive's stamps,
the release, the language and the CRC-32 in its header all hold.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def command(
    argv: list[str], env: dict[str, str] | None = None, encoding: str = "utf-8"
) -> tuple[int, str, str, set[str]]:
    """`python -m meeting_tui ARGV` in a fresh interpreter: status, out, err, and what it loaded.

    Its output is read in `encoding`: the one `PYTHONIOENCODING` in `env` names, if any.
    """
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
        encoding=encoding,
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


def shell(line: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`line` in bash, with what it printed (its last line: an exit status it echoes)."""
    return subprocess.run(
        line,
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def kept_zh(root: Path) -> Path:
    """The backlog's kept text in Chinese (`summaries/backlog.zh.printed`)."""
    return root / "summaries" / "backlog.zh.printed"


def rewrite_kept(
    kept: Path,
    body: Callable[[bytes], bytes] = lambda old: old,
    header: Callable[[dict[str, Any]], object] = lambda made: None,
) -> bytes:
    """The kept text's body replaced by `body(old)` and its header changed by `header`, under
    a CRC-32 that holds, as if made so; the new body."""
    head, _, old = kept.read_bytes().partition(b"\n")
    new = body(old)
    made = json.loads(head)
    header(made)
    made["crc32"] = zlib.crc32(new)
    kept.write_bytes(json.dumps(made).encode() + b"\n" + new)
    return new


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
    done = shell(
        f"{sys.executable} -m meeting_tui --data-dir '{root}' list --json | true; "
        "echo ${PIPESTATUS[0]}"
    )
    assert (done.stdout, done.stderr) == ("1\n", "")


DAY_NS = 86_400 * 10**9


def aged(root: Path) -> Path:
    """The archive as if nothing had been written to it since yesterday (a kept file may be made)."""
    for path in (root / "meetings", root / "index.json"):
        then = os.stat(path).st_mtime_ns - DAY_NS
        os.utime(path, ns=(then, then))
    return root


def took_quick_backlog(loaded: set[str]) -> bool:
    return "meeting_tui.verbs.quick_backlog" in loaded and not any(name in loaded for name in WHOLE)


@pytest.mark.parametrize(
    "shape",
    [
        ["backlog"],
        ["backlog", "--json"],
        ["--lang", "en", "backlog"],
        ["--lang=en", "backlog", "--json"],
        ["--lang", "zh", "DATA", "backlog"],
    ],
    ids=["zh", "json", "en", "en-json", "lang-then-folder"],
)
def test_a_kept_backlog_is_printed_quickly_and_the_same(
    shape: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = aged(closed_archive(tmp_path / "数据"))
    folder = ["--data-dir", str(root)]
    if "DATA" in shape:
        at = shape.index("DATA")
        argv, folder = [*shape[:at], *folder, *shape[at + 1 :]], []
    else:
        argv = shape
    first = command([*folder, *argv])
    assert not took_quick_backlog(first[3])  # nothing kept yet: the whole verb, which keeps it
    again = command([*folder, *argv])
    assert took_quick_backlog(again[3]), sorted(again[3] & set(WHOLE))
    assert again[:3] == first[:3] == (0, first[1], "")
    assert whole_cli([*folder, *argv], capsys) == again[:3]
    deferred = "待商议" if "en" not in argv and "--lang=en" not in argv else "open"
    assert deferred in first[1] or "--json" in argv
    if "--json" in argv:
        assert json.loads(again[1]) and all("reason" in row for row in json.loads(again[1]))


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "gb18030", "utf-16"])
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_a_kept_backlog_reaches_its_output_in_the_outputs_own_encoding(
    encoding: str, unbuffered: str, tmp_path: Path
) -> None:
    """The kept text's UTF-8 bytes are written as they are only where the output writes
    UTF-8 (`-u` too); elsewhere they are decoded and written as the whole verb writes."""
    root = aged(closed_archive(tmp_path / "data"))
    argv = ["--data-dir", str(root), "backlog"]
    env = {"PYTHONIOENCODING": encoding, "PYTHONUNBUFFERED": unbuffered}
    first = command(argv, env, encoding)
    again = command(argv, env, encoding)
    assert not took_quick_backlog(first[3]) and took_quick_backlog(again[3])
    assert again[:3] == first[:3] == (0, first[1], "")
    assert "待商议" in again[1] and "\r" not in again[1]


def test_a_long_kept_backlog_cut_short_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """`meeting-tui backlog | true` with a kept text beyond the pipe's 64 KiB: the bytes
    written as they are meet the closed pipe, and nothing is said (status 1, as `list`)."""
    root = aged(closed_archive(tmp_path / "data"))
    argv = ["--data-dir", str(root), "backlog"]
    command(argv)  # keeps the text
    long_body = rewrite_kept(  # the kept text of a long backlog
        kept_zh(root), lambda body: body * (1 + 256 * 1024 // len(body))
    )
    status, out, err, loaded = command(argv)
    assert took_quick_backlog(loaded) and out.encode() == long_body and (status, err) == (0, "")
    done = shell(
        f"{sys.executable} -m meeting_tui --data-dir '{root}' backlog | true; "
        "echo ${PIPESTATUS[0]}"
    )
    assert (done.stdout, done.stderr) == ("1\n", "")


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_disk_under_the_output_is_said_in_the_asked_language_by_both_paths(
    lang: str, unbuffered: str, tmp_path: Path
) -> None:
    """`meeting-tui --lang en backlog > /dev/full`: one line in English that names the write,
    status 2, from the quick path as from the whole verb. The whole verb once left a
    buffered output to the interpreter's exit (status 120, "Exception ignored"), and said
    "cannot read ." of an unbuffered one."""
    root = aged(closed_archive(tmp_path / "data"))
    unkept = tmp_path / "unkept"
    shutil.copytree(root, unkept)  # the same archive, no text kept: the whole verb answers
    argv = ["--lang", lang, "--data-dir", str(root), "backlog"]
    assert command(argv)[0] == 0  # keeps the text
    assert took_quick_backlog(command(argv)[3])
    runs = [
        shell(f"{sys.executable} -m meeting_tui --lang {lang} --data-dir '{folder}' backlog"
              " > /dev/full", {"PYTHONUNBUFFERED": unbuffered})
        for folder in (root, unkept)
    ]  # fmt: skip
    quick, whole = runs
    assert quick.returncode == whole.returncode == 2
    assert quick.stderr == whole.stderr and quick.stderr.count("\n") == 1
    assert "Traceback" not in quick.stderr and "Exception ignored" not in whole.stderr
    chinese = re.search("[\u4e00-\u9fff]", quick.stderr) is not None
    assert chinese == (lang == "zh"), quick.stderr
    assert ("写不出去" if lang == "zh" else "a write was refused") in quick.stderr


def test_a_kept_text_that_is_not_utf8_is_printed_afresh_where_it_would_be_decoded(
    tmp_path: Path,
) -> None:
    """A body not UTF-8 though its CRC-32 holds (made by hand): under an output of another
    encoding, where the text must be decoded first, the whole verb prints afresh."""
    root = aged(closed_archive(tmp_path / "data"))
    argv = ["--data-dir", str(root), "backlog"]
    env = {"PYTHONIOENCODING": "gb18030"}
    kept_out = command(argv, env, "gb18030")[1]
    rewrite_kept(kept_zh(root), lambda body: b"\xff\xfe" + body)
    status, out, err, loaded = command(argv, env, "gb18030")
    assert not took_quick_backlog(loaded)
    assert (status, out, err) == (0, kept_out, "")


def copied_in(root: Path) -> None:
    """A meeting file copied into meetings/ by hand: the folder's stamp moves."""
    text = (root / "meetings" / f"{CLOSED_ID}.json").read_text(encoding="utf-8")
    (root / "meetings" / "20261010-copy.json").write_text(
        text.replace(CLOSED_ID, "20261010-copy"), encoding="utf-8"
    )


def kept_text_edited(root: Path) -> None:
    """The kept text changed by hand (or torn): its CRC-32 no longer holds."""
    kept = kept_zh(root)
    kept.write_bytes(kept.read_bytes().replace("待商议".encode(), "已改动".encode(), 1))


def kept_by_another_release(root: Path) -> None:
    """Kept whole by another release: its text and CRC hold, but its wording may be old."""
    rewrite_kept(
        kept_zh(root), header=lambda made: made.update(made_by=["0.0.1", made["made_by"][1]])
    )


def header_nested_too_deep(root: Path) -> None:
    """The kept text's header line replaced by brackets nested past the JSON parser's depth."""
    kept = kept_zh(root)
    kept.write_bytes(b"[" * 1000 + b"\n" + kept.read_bytes().partition(b"\n")[2])


def index_rewritten(root: Path) -> None:
    """The index written again (a meeting marked damaged by another reader): its stamp moves."""
    index = root / "index.json"
    index.write_bytes(index.read_bytes())


@pytest.mark.parametrize(
    "change",
    [copied_in, kept_text_edited, kept_by_another_release, header_nested_too_deep, index_rewritten],
)
def test_a_backlog_kept_before_a_change_is_printed_by_the_whole_verb(
    change: Callable[[Path], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = aged(closed_archive(tmp_path / "data"))
    argv = ["--data-dir", str(root), "backlog"]
    kept = command(argv)
    assert took_quick_backlog(command(argv)[3])
    change(root)
    status, out, err, loaded = command(argv)
    assert not took_quick_backlog(loaded)
    assert (status, err) == (0, "")
    if change is copied_in:
        assert "20261010-copy" in out and out != kept[1]
    else:
        assert out == kept[1]  # printed afresh from the list: the same words, none edited in
