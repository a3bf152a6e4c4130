"""Properties of the checkpoint: every change, reordering or removal of an event is detected;
the full and the redacted log verify against the same digest."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from meeting_tui.domain.checkpoint import (
    leaf_hashes,
    make_checkpoint,
    new_salt,
    personal_hashes,
    verify_log,
)
from meeting_tui.domain.events import events_from_json
from meeting_tui.minutes import json as json_renderer
from meeting_tui.minutes.model import Minutes
from tests.minutes.conftest import hostile_script

SALT = new_salt()
RUN = hostile_script()
EVENTS: list[dict[str, Any]] = [e.to_json() for e in RUN.log.events]
CHECKPOINT = make_checkpoint("幸福里社区/20261127-host", leaf_hashes(EVENTS, SALT))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every leaf value's path inside an event (keys and list indexes)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(v, (*path, k))] or [path]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, (*path, i))] or [path]
    return [path]


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if value is None:
        return 0
    return "x"


@settings(max_examples=150)
@given(st.data())
def test_any_change_to_any_event_is_detected(data: st.DataObject) -> None:
    events = copy.deepcopy(EVENTS)
    index = data.draw(st.integers(0, len(events) - 1))
    path = data.draw(st.sampled_from(_paths(events[index])))
    target: Any = events[index]
    for key in path[:-1]:
        target = target[key]
    if path:
        target[path[-1]] = _changed(target[path[-1]])
    verdict = verify_log(events, CHECKPOINT, SALT)
    assert not verdict.ok and verdict.first_bad == index + 1


@given(st.data())
def test_any_reordering_or_removal_is_detected(data: st.DataObject) -> None:
    events = copy.deepcopy(EVENTS)
    i = data.draw(st.integers(0, len(events) - 1))
    if data.draw(st.booleans()):
        j = data.draw(st.integers(0, len(events) - 1).filter(lambda j: j != i))
        events[i], events[j] = events[j], events[i]
        first = min(i, j) + 1
    else:
        del events[i]
        first = i + 1
    verdict = verify_log(events, CHECKPOINT, SALT)
    assert not verdict.ok and verdict.first_bad == first


def test_an_untouched_log_verifies_and_later_events_are_counted_not_covered() -> None:
    assert verify_log(EVENTS, CHECKPOINT, SALT).ok
    extra = {"seq": len(EVENTS) + 1, "at": EVENTS[-1]["at"], "kind": "followup_done", "payload": {}}
    verdict = verify_log([*EVENTS, extra], CHECKPOINT, SALT)
    assert verdict.ok and verdict.later == 1


def test_a_wrong_salt_does_not_verify() -> None:
    assert not verify_log(EVENTS, CHECKPOINT, new_salt()).ok


def test_the_redacted_log_verifies_against_the_same_digest_and_holds_no_name() -> None:
    minutes = Minutes.build(RUN.state, RUN.log.events)
    redacted = [
        e.to_json()
        for e in json_renderer.redact_events(events_from_json(EVENTS), minutes.person_names())
    ]
    hashes = {str(e["seq"]): personal_hashes(e, SALT) for e in EVENTS}
    assert redacted != EVENTS
    verdict = verify_log(redacted, CHECKPOINT, None, hashes, printed_digest=CHECKPOINT.digest)
    assert verdict.ok
    text = str(redacted) + str(hashes)
    for name in ("刘建国", "王小明", "李建华", "赵大强", "孙丽娟", "13812345678", SALT):
        assert name not in text


@given(st.data())
def test_a_changed_hash_in_the_redacted_export_is_detected(data: st.DataObject) -> None:
    hashes = {str(e["seq"]): personal_hashes(e, SALT) for e in EVENTS}
    seq = data.draw(st.sampled_from(sorted(k for k, v in hashes.items() if v)))
    path = data.draw(st.sampled_from(sorted(hashes[seq])))
    hashes[seq][path] = "0" * 64
    verdict = verify_log(EVENTS, CHECKPOINT, None, hashes)
    assert not verdict.ok and verdict.first_bad == int(seq)


def test_an_edited_checkpoint_root_is_a_mismatch_without_blaming_an_event() -> None:
    bent = make_checkpoint(CHECKPOINT.origin, leaf_hashes(EVENTS, SALT))
    bent = type(bent)(bent.origin, bent.size, "00" * 32, bent.leaves)
    verdict = verify_log(EVENTS, bent, SALT)
    assert not verdict.ok and verdict.first_bad is None


def test_events_cut_off_at_the_end_are_found() -> None:
    verdict = verify_log(EVENTS[:-2], CHECKPOINT, SALT)
    assert not verdict.ok and verdict.first_bad == len(EVENTS) - 1


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_every_untouched_export_verifies_full_and_redacted(note: str) -> None:
    """Whatever was typed (control characters, markup, numbers), both exports verify."""
    import json
    import tempfile
    from pathlib import Path

    from meeting_tui.minutes.checkpoints import export_seal, seal
    from meeting_tui.minutes.export import for_sharing, render
    from meeting_tui.minutes.verify import MATCH, check, record_of_export

    run = hostile_script(note=note or "备注")
    events = [e.to_json() for e in run.log.events]
    sealed = seal(events, run.state.community, run.state.meeting_id, SALT)
    docs = [{"version": 1, **sealed}]
    digest = sealed["checkpoint"]["digest"]
    minutes = Minutes.build(run.state, run.log.events)
    with tempfile.TemporaryDirectory() as folder:
        for redacted in (False, True):
            shown, log = (
                for_sharing(minutes, run.log.events) if redacted else (minutes, run.log.events)
            )
            data = render(
                shown, "json", log, seal=export_seal(docs, SALT, events, redacted=redacted)
            )
            path = Path(folder) / f"export-{redacted}.json"
            path.write_bytes(data)
            if redacted:
                assert SALT not in json.loads(data)["seal"].__repr__()
            outcome = check(record_of_export(path), digest)
            assert outcome.status == MATCH, outcome.line
