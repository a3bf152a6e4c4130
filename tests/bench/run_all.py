"""Run every benchmark under tests/bench/ and write their figures to docs/performance.md,
then the store's crash, fault and kill figures to docs/reliability.md (reliability.py).

Each `bench_*.py` has `main() -> str` returning one Markdown section. The
figures are measured in one run on this machine; compare ratios, not seconds
from another day.
"""

from __future__ import annotations

import importlib.util
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "docs" / "performance.md"


def main() -> int:
    sections: list[str] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        started = time.perf_counter()
        sections.append(module.main())
        print(f"{path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    header = (
        "# Performance\n\n"
        "Written by `make bench` (tests/bench/run_all.py); do not edit by hand.\n\n"
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, run {time.strftime('%Y-%m-%d %H:%M')}.\n\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + "\n\n".join(s.strip() for s in sections) + "\n", encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    write_reliability()
    return 0


def write_reliability() -> None:
    """Crash states, injected faults and kill drills: their own document, docs/reliability.md."""
    sys.path.insert(0, str(HERE))
    import reliability

    started = time.perf_counter()
    reliability.write(reliability.main())
    print(
        f"reliability.py: {time.perf_counter() - started:.1f} s; wrote {reliability.DOC}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    sys.exit(main())
