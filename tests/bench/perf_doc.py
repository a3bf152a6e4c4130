"""Replace one `## Section` of docs/performance.md, keeping the others (for a bench run alone)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"


def write_section(section: str, doc: Path = DOC) -> None:
    """`section` starts with its `## Heading`; the same heading in the file is replaced, or added."""
    heading = section.lstrip().splitlines()[0]
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    start = text.find(f"\n{heading}\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    else:
        end = text.find("\n## ", start + 1)
        tail = text[end:] if end >= 0 else "\n"
        text = text[: start + 1] + section.rstrip("\n") + "\n" + tail
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")


def run_alone(main: Callable[[], str]) -> None:
    """A bench script run by itself: print its section; with --write-docs, put it in the doc."""
    result = main()
    sys.stdout.write(result.rstrip("\n") + "\n")
    if "--write-docs" in sys.argv[1:]:
        write_section(result)
