"""Every file system call the store makes, in one small module.

The store reads and writes only through these functions, so a test can wrap
them: the crash-state explorer records each call in a child process and
replays the operations a power cut may keep or drop, and the fault tests
make a read fail with EIO or EMFILE exactly where a real disk would.
Each function is the plain `os` call; nothing here retries or translates.
"""

from __future__ import annotations

import os
from pathlib import Path

PathLike = str | os.PathLike[str]


def open_file(path: PathLike, flags: int, mode: int = 0o644) -> int:
    """`os.open`: a file to write (O_CREAT | O_EXCL) or a folder to fsync (O_RDONLY)."""
    return os.open(path, flags, mode)


def write(fd: int, data: bytes | memoryview) -> int:
    return os.write(fd, data)


def fsync(fd: int) -> None:
    os.fsync(fd)


def close(fd: int) -> None:
    os.close(fd)


def replace(source: PathLike, target: PathLike) -> None:
    os.replace(source, target)


def link(source: PathLike, target: PathLike) -> None:
    os.link(source, target)


def unlink(path: PathLike) -> None:
    os.unlink(path)


def mkdir(path: PathLike) -> None:
    os.mkdir(path)


def read_bytes(path: PathLike) -> bytes:
    return Path(path).read_bytes()


def list_names(folder: PathLike) -> list[str]:
    """The names in `folder` (`os.listdir`), unsorted."""
    return os.listdir(folder)


def list_entries(folder: PathLike) -> list[tuple[str, bool]]:
    """(name, is a regular file) for each entry of `folder`; the type comes with the listing."""
    with os.scandir(folder) as entries:
        return [(entry.name, entry.is_file()) for entry in entries]
