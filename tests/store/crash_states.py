"""Every state a POSIX file system may leave after a power cut, from a recorded operation log.

The model (after ALICE, "All File Systems Are Not Created Equal", OSDI 2014):
a crash keeps a prefix of the operations. Within that prefix, a write is on
disk only once an fsync of its file followed it; a directory operation
(create, rename, link, unlink, mkdir) only once an fsync of each folder it
changes followed it. Everything else may have reached the disk or not, in
any combination: un-fsynced file data missing, short (half written) or torn
(the file at its full length with the second half zeros), un-fsynced folder
operations kept or dropped. A folder that was never made durable takes its
entries with it, however often they were fsynced.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DIR_OPS = ("create", "rename", "link", "unlink", "mkdir")
WRITE_VARIANTS = ("full", "missing", "short", "torn")
DIR_VARIANTS = ("kept", "dropped")
PAST = 3600.0  # materialised files are dated an hour back: the machine rebooted


def parent(path: str) -> str:
    return os.path.dirname(path) or "."


def folders_changed(op: dict[str, Any]) -> set[str]:
    changed = {parent(op["path"])}
    if op["op"] in ("rename", "link"):
        changed.add(parent(op["to"]))
    return changed


@dataclass
class Disk:
    """Folders, names → inodes, inodes → bytes: what a materialised state holds."""

    dirs: set[str] = field(default_factory=set)
    names: dict[str, int] = field(default_factory=dict)
    data: dict[int, bytearray] = field(default_factory=dict)

    @classmethod
    def from_snapshot(cls, snap: dict[str, Any]) -> Disk:
        disk = cls(dirs=set(snap["dirs"]))
        for path, (ino, raw) in snap["files"].items():
            disk.names[path] = ino
            disk.data[ino] = bytearray(base64.b64decode(raw))
        return disk

    def apply(self, op: dict[str, Any], variant: str) -> None:
        kind = op["op"]
        if kind == "write":
            self._write(op, variant)
            return
        if variant == "dropped":
            if kind == "create":
                self.data.setdefault(op["ino"], bytearray())
            return
        path = op["path"]
        if kind == "create":
            self.data[op["ino"]] = bytearray()
            if parent(path) in self.dirs and path not in self.names:
                self.names[path] = op["ino"]
        elif kind == "mkdir":
            if parent(path) in self.dirs:
                self.dirs.add(path)
        elif kind == "rename":
            if path in self.names and parent(op["to"]) in self.dirs:
                self.names[op["to"]] = self.names.pop(path)
        elif kind == "link":
            if path in self.names and parent(op["to"]) in self.dirs:
                self.names.setdefault(op["to"], self.names[path])
        elif kind == "unlink":
            self.names.pop(path, None)

    def _write(self, op: dict[str, Any], variant: str) -> None:
        chunk = base64.b64decode(op["data"])
        if variant == "missing":
            return
        if variant == "short":
            chunk = chunk[: len(chunk) // 2]
        elif variant == "torn":
            half = len(chunk) // 2
            chunk = chunk[:half] + bytes(len(chunk) - half)
        target = self.data.setdefault(op["ino"], bytearray())
        at = op["at"]
        if len(target) < at:
            target.extend(bytes(at - len(target)))
        target[at : at + len(chunk)] = chunk

    def files(self) -> dict[str, bytes]:
        """Only what is reachable: a name whose folders all exist."""
        return {
            path: bytes(self.data[ino])
            for path, ino in self.names.items()
            if all(folder in self.dirs for folder in _ancestors(path))
        }

    def reachable_dirs(self) -> list[str]:
        return sorted(d for d in self.dirs if all(a in self.dirs for a in _ancestors(d)))

    def digest(self) -> str:
        h = hashlib.sha256()
        for folder in self.reachable_dirs():
            h.update(b"D" + folder.encode() + b"\0")
        for path, raw in sorted(self.files().items()):
            h.update(b"F" + path.encode() + b"\0" + hashlib.sha256(raw).digest())
        return h.hexdigest()

    def materialise(self, base: Path) -> None:
        then = time.time() - PAST
        for folder in self.reachable_dirs():
            (base / folder).mkdir(parents=True, exist_ok=True)
        for path, raw in self.files().items():
            (base / path).write_bytes(raw)
            os.utime(base / path, (then, then))


def _ancestors(path: str) -> list[str]:
    out = []
    while (path := parent(path)) != ".":
        out.append(path)
    return out


def undurable(ops: Sequence[dict[str, Any]], k: int) -> list[int]:
    """Indices (< k) of operations no later fsync (< k) made durable."""
    synced_inodes: set[int] = set()
    synced_dirs: set[str] = set()
    loose: list[int] = []
    for i in range(k - 1, -1, -1):
        op = ops[i]
        if op["op"] == "fsync":
            if op["ino"] is None:
                synced_dirs.add(op["path"])
            else:
                synced_inodes.add(op["ino"])
        elif op["op"] == "write":
            if op["ino"] not in synced_inodes:
                loose.append(i)
        elif op["op"] in DIR_OPS and not folders_changed(op) <= synced_dirs:
            loose.append(i)
    return sorted(loose)


@dataclass(frozen=True)
class CrashState:
    point: int  # operations kept: ops[:point]
    choices: tuple[tuple[int, str], ...]  # (op index, variant) for each un-durable op
    disk: Disk


def crash_states(
    snap: dict[str, Any], ops: Sequence[dict[str, Any]], per_point: int, seed: str
) -> Iterator[CrashState]:
    """Each crash point, each combination (all when at most `per_point`, else a fixed sample)."""
    for point in range(len(ops) + 1):
        if point and ops[point - 1]["op"] == "mark":
            continue  # same disk as the point before (whose check counts the marks after it)
        loose = undurable(ops, point)
        options = [WRITE_VARIANTS if ops[i]["op"] == "write" else DIR_VARIANTS for i in loose]
        total = 1
        for option in options:
            total *= len(option)
        if total <= per_point:
            combos: list[tuple[str, ...]] = list(itertools.product(*options))
        else:
            rng = random.Random(f"{seed}:{point}")
            combos = [tuple(o[0] for o in options), tuple(o[1] for o in options)]
            while len(combos) < per_point:
                combos.append(tuple(rng.choice(o) for o in options))
        for combo in combos:
            chosen = dict(zip(loose, combo, strict=True))
            disk = Disk.from_snapshot(snap)
            for i in range(point):
                if ops[i]["op"] in DIR_OPS or ops[i]["op"] == "write":
                    disk.apply(ops[i], chosen.get(i, "full" if ops[i]["op"] == "write" else "kept"))
            yield CrashState(point, tuple(sorted(chosen.items())), disk)
