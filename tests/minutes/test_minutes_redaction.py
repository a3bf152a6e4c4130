"""Redacted exports: no full name, no phone or ID number survives, in any format.

Property: whatever phone and ID numbers are typed into the discussion notes,
the redacted Markdown, HTML, DOCX, CSV and JSON (its event log included)
never contain them.
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meeting_tui.minutes import Minutes
from meeting_tui.minutes.export import FORMATS, for_sharing, render

mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
id_numbers = st.from_regex(r"[1-6][0-9]{16}[0-9X]", fullmatch=True)
glue = st.sampled_from(["", " ", "，电话", "：", "\n", "号码 "])


def _text(fmt: str, data: bytes) -> str:
    if fmt != "docx":
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _outputs(minutes: Minutes, events) -> dict[str, str]:
    shared, log = for_sharing(minutes, events)
    return {fmt: _text(fmt, render(shared, fmt, log)) for fmt in FORMATS}


def test_redacted_outputs_hold_no_full_name_or_number(bad, hostile) -> None:
    minutes = Minutes.build(hostile.state, hostile.log.events)
    full = render(minutes, "md").decode("utf-8")
    assert bad.PHONE in full and "李建华" in full  # the internal record keeps everything
    for fmt, text in _outputs(minutes, hostile.log.events).items():
        assert bad.PHONE not in text and bad.ID_NUMBER not in text, fmt
        for name in bad.FULL_NAMES:
            if name != "张伟":
                assert name not in text, (fmt, name)
        assert "李某" in text, fmt


def test_opt_in_names_the_proposer_on_that_motion_only(bad, hostile) -> None:
    minutes = Minutes.build(hostile.state, hostile.log.events)
    outputs = _outputs(minutes, hostile.log.events)
    assert "- 提议人：张伟（居民）" in outputs["md"]
    # The event log is raw material: the opt-in does not reach it.
    assert outputs["json"].count("张伟") == 1


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(phone=mobiles, id_number=id_numbers, before=glue, after=glue)
def test_numbers_in_notes_never_survive_redaction(bad, phone, id_number, before, after) -> None:
    run = bad.script(note=f"居民反映{before}{phone}{after}身份证{before}{id_number}{after}")
    minutes = Minutes.build(run.state, run.log.events)
    assert phone in render(minutes, "md").decode("utf-8")  # the full record keeps it
    for fmt, text in _outputs(minutes, run.log.events).items():
        assert phone not in text, fmt
        assert id_number not in text, fmt
        assert phone[-4:] in text or fmt == "csv", fmt  # masked, not dropped
