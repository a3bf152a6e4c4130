"""The benchmark's target as a check (`make bench` runs it): each format of 200 motions ≤ 1 s.

The formats added for filing and printing (公文 DOCX, sign-in sheet, notice) must stay ≤ 0.4 s.
"""

from __future__ import annotations

import importlib.util
import statistics
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_minutes.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_minutes", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_every_format_of_a_200_motion_meeting_within_a_second(tmp_path: Path) -> None:
    bench = _bench()
    rows, events = bench.measure(tmp_path)
    assert events > 600
    exports = {name: seconds for name, seconds, _ in rows if name.startswith("export")}
    old = [f"export {f}" for f in ("md", "html", "docx", "csv", "json")]
    assert sorted(exports) == sorted([*old, *bench.NEW_FORMATS])
    for name, seconds in exports.items():
        assert statistics.median(seconds) <= bench.target_s(name), (name, seconds)
    assert bench.target_s("export signin docx") == 0.4
