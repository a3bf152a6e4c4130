"""Exports: safe names, `..` refused, no overwrite without force, nothing torn, no escapes."""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from pathlib import Path

import pytest

from meeting_tui.domain.events import Event, EventKind
from meeting_tui.domain.fold import fold
from meeting_tui.minutes import Minutes
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.export import FORMATS, default_name, export, render, target_path

ESCAPES = ("\x1b", "\x07", "\x9b", "\x9d", "\x00")


def _text_of(fmt: str, data: bytes) -> str:
    if fmt != "docx":
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
        return "".join(archive.read(n).decode("utf-8") for n in parts)


def test_terminal_escapes_are_removed_from_every_format(nanyuan_events: list[Event]) -> None:
    """Events from a file are not trusted to be clean: hostile text is put straight into the log."""
    evil = "\x1b]0;pwned\x07电线\x1b[31m入地\x9b2J\x00改造"
    events = [
        dataclasses.replace(e, payload={**e.payload, "text": evil, "note": evil + "\n第二行"})
        if e.kind is EventKind.MOTION_RAISED and e.payload["number"] == 1
        else e
        for e in nanyuan_events
    ]
    minutes = Minutes.build(fold(events), events)
    for fmt in FORMATS:
        text = _text_of(fmt, render(minutes, fmt, events))
        for char in ESCAPES:
            assert char not in text, (fmt, repr(char))
        assert "电线入地改造" in text, fmt
        assert "pwned" not in text, fmt


def test_default_name_is_safe_and_goes_to_the_exports_folder(
    nanyuan: Minutes, tmp_path: Path
) -> None:
    assert default_name(nanyuan, "md") == "电大家属院老旧小区改造_民主协商议事会_2026-10-17.md"
    assert default_name(nanyuan.redacted(), "docx").endswith("_2026-10-17_脱敏.docx")
    sneaky = dataclasses.replace(nanyuan, title="../../etc/passwd\x1b[2J CON")
    name = default_name(sneaky, "html")
    assert "/" not in name and "\\" not in name and ".." not in name and "\x1b" not in name
    path = export(sneaky, "html", root=tmp_path)
    assert path.parent == tmp_path / "exports" / "20261017-nany"
    assert path.name == name and path.is_file()


def test_out_may_be_a_folder_or_a_file(nanyuan: Minutes, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert export(nanyuan, "csv", folder).parent == folder
    assert export(nanyuan, "csv", str(tmp_path / "new") + os.sep).parent == tmp_path / "new"
    assert export(nanyuan, "md", tmp_path / "纪要.md") == tmp_path / "纪要.md"
    assert export(nanyuan, "md", tmp_path / "no_suffix") == tmp_path / "no_suffix.md"


@pytest.mark.parametrize("out", ["../x.md", "a/../../x.md", "a\\..\\x.md", ".."])
def test_parent_components_are_refused(
    nanyuan: Minutes, tmp_path: Path, out: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportError) as caught:
        export(nanyuan, "md", out)
    assert caught.value.key == "minutes.error.parent"
    assert list(tmp_path.parent.glob("x.md")) == [] and list(tmp_path.iterdir()) == []


def test_control_characters_in_out_are_refused(nanyuan: Minutes, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        target_path(nanyuan, "md", str(tmp_path / "a\x1b[2Jb.md"))
    assert caught.value.key == "minutes.error.bad_name"
    assert "\x1b" not in caught.value.message()


def test_no_overwrite_without_force(nanyuan: Minutes, tmp_path: Path) -> None:
    target = tmp_path / "m.md"
    target.write_text("earlier", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        export(nanyuan, "md", target)
    message = caught.value.message("zh")
    assert str(target) in message and "--force" in message
    assert target.read_text(encoding="utf-8") == "earlier"
    assert export(nanyuan, "md", target, force=True) == target
    assert target.read_text(encoding="utf-8").startswith("# 电大家属院")


def test_unique_picks_a_free_name_instead(nanyuan: Minutes, tmp_path: Path) -> None:
    first = export(nanyuan, "md", tmp_path / "m.md")
    second = export(nanyuan, "md", tmp_path / "m.md", unique=True)
    assert second == tmp_path / "m-2.md" and first.read_bytes() == second.read_bytes()


def test_a_failing_write_leaves_no_file(
    nanyuan: Minutes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    for fmt in FORMATS:
        with pytest.raises(ExportError) as caught:
            export(nanyuan, fmt, tmp_path / f"m.{fmt}")
        assert caught.value.key == "minutes.error.write"
        assert "No space left" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []  # no target, no temp file


def test_a_failing_write_keeps_the_old_file(
    nanyuan: Minutes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.md"
    target.write_text("earlier", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(ExportError):
        export(nanyuan, "md", target, force=True)
    assert target.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["m.md"]


def test_unknown_format_is_refused(nanyuan: Minutes, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export(nanyuan, "pdf", tmp_path)
    assert "md, html, docx, csv, json" in caught.value.message("en")
