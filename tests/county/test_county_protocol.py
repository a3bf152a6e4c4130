"""The CouchDB protocol subset `sync` and `county` use, checked against a real server.

This is the contract with the production target (Apache CouchDB 3.x); the
tests run it against pouchdb-server, which implements the same HTTP API.
Each test is one endpoint, called through our client as sync and the
report call it, with the parts of the answer we rely on.

| endpoint | used for |
|---|---|
| `GET /` | is the server there (5 s timeout: offline in one line) |
| `GET /{db}`, `PUT /{db}` | create the database if missing (412 when it exists) |
| `GET`/`PUT /{db}/_design/county` | install or upgrade the views |
| `GET`/`PUT /{db}/_local/{id}` | the replication checkpoint (never replicated itself) |
| `POST /{db}/_revs_diff` | which of our revisions the database lacks |
| `POST /{db}/_bulk_docs` `new_edits: false` | store our revisions and their history; inline base64 attachments |
| `GET`/`POST /{db}/_design/county/_view/{v}` | `_count`/`_sum` with `group`, `group_level`, `startkey`/`endkey`, `inclusive_end`, `keys` |
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest
from couch_server import couch_json

from meeting_tui.config import Config
from meeting_tui.county.couch import CouchDatabase
from meeting_tui.county.design import DESIGN_ID, DESIGN_NAME, design_document, needs_install
from meeting_tui.county.errors import ServerRefusedError
from meeting_tui.county.settings import parse_target


@pytest.fixture
def db(county_url: str) -> Iterator[CouchDatabase]:
    with CouchDatabase(parse_target(county_url, Config())) as database:
        database.ensure_database()
        yield database


def doc(doc_id: str, month: str, community: str, **fields: object) -> dict[str, object]:
    return {
        "_id": doc_id, "type": "meeting", "month": month, "date": f"{month}-15",
        "community_code": community, "community": f"{community}社区", "title": "t",
        "motions": [], **fields,
    }  # fmt: skip


def test_get_root_and_create_the_database_once(county_url: str, db: CouchDatabase) -> None:
    status, body = db.request("GET", "/")
    assert status == 200 and isinstance(body, dict)
    db.ensure_database()  # a second time: exists, no error
    assert couch_json(county_url)["db_name"] == county_url.rsplit("/", 1)[1]


def test_local_documents_hold_the_checkpoint_and_are_not_listed(
    county_url: str, db: CouchDatabase
) -> None:
    db.put("_local/meeting-tui-x", {"session": "abc"})
    assert db.get("_local/meeting-tui-x")["session"] == "abc"  # type: ignore[index]
    assert db.get("_local/other") is None
    assert couch_json(county_url, "/_all_docs")["rows"] == []


def test_revs_diff_names_only_what_is_missing(db: CouchDatabase) -> None:
    assert (
        db.bulk_docs_replicated(
            [
                {
                    **doc("a", "2026-10", "x"),
                    "_rev": "1-aaa",
                    "_revisions": {"start": 1, "ids": ["aaa"]},
                }
            ]
        )
        == []
    )
    lacking = db.revs_diff({"a": ["1-aaa", "2-bbb"], "b": ["1-ccc"]})
    assert lacking == {"a": ["2-bbb"], "b": ["1-ccc"]}


def test_bulk_docs_without_new_edits_keeps_our_revisions_history_and_attachment(
    county_url: str, db: CouchDatabase
) -> None:
    log = json.dumps([{"seq": 1}]).encode()
    attachment = {
        "events.json": {"content_type": "application/json", "data": base64.b64encode(log).decode()}
    }
    first = {
        **doc("m", "2026-10", "x"),
        "_rev": "1-aaa",
        "_revisions": {"start": 1, "ids": ["aaa"]},
    }
    second = {
        **first,
        "title": "t2",
        "_rev": "2-bbb",
        "_revisions": {"start": 2, "ids": ["bbb", "aaa"]},
        "_attachments": attachment,
    }
    assert db.bulk_docs_replicated([first]) == []
    assert db.bulk_docs_replicated([second]) == []
    assert db.bulk_docs_replicated([second]) == []  # sending it again changes nothing
    stored = couch_json(county_url, "/m?revs=true")
    assert stored["_rev"] == "2-bbb" and stored["_revisions"]["ids"] == ["bbb", "aaa"]
    assert couch_json(county_url, "/m/events.json") == [{"seq": 1}]
    assert "_conflicts" not in couch_json(county_url, "/m?conflicts=true")


def test_a_validate_doc_update_refusal_is_a_per_document_error(db: CouchDatabase) -> None:
    db.put(
        "_design/guard",
        {"validate_doc_update": "function (d) { if (d.bad) { throw({forbidden: 'no'}); } }"},
    )
    errors = db.bulk_docs_replicated([
        {**doc("ok", "2026-10", "x"), "_rev": "1-a", "_revisions": {"start": 1, "ids": ["a"]}},
        {**doc("no", "2026-10", "x", bad=True), "_rev": "1-b", "_revisions": {"start": 1, "ids": ["b"]}},
    ])  # fmt: skip
    assert [(e["id"], e["error"]) for e in errors] == [("no", "forbidden")]


def test_the_design_document_installs_and_upgrades(db: CouchDatabase) -> None:
    assert needs_install(db.get(DESIGN_ID))
    db.put(DESIGN_ID, design_document())
    current = db.get(DESIGN_ID)
    assert not needs_install(current)
    older = {**current, "meeting_tui_design_version": 0}  # type: ignore[dict-item]
    db.put(DESIGN_ID, older)
    assert needs_install(db.get(DESIGN_ID))
    with pytest.raises(ServerRefusedError) as stale:
        db.put(DESIGN_ID, design_document())  # without _rev: a 409 conflict
    assert stale.value.status == 409


def test_views_group_ranges_and_keys_as_the_report_queries_them(db: CouchDatabase) -> None:
    db.put(DESIGN_ID, design_document())
    deferred = {"id": "m1", "number": 1, "text": "t", "state": "deferred", "origin": None,
                "deferral": {"reason": "r", "owner": "o"}, "followup": None}  # fmt: skip
    taken_up = {"id": "m9", "number": 1, "text": "t", "state": "passed", "deferral": None,
                "origin": {"doc_id": "a", "motion_id": "m1", "date": "2026-10-15"},
                "followup": {"owner": "o", "due": "2026-11-01", "done_on": None, "evaluation": None}}  # fmt: skip
    docs = [
        doc("a", "2026-10", "x", motions=[deferred]),
        doc("b", "2026-10", "y"),
        doc("c", "2026-11", "x", motions=[taken_up]),
    ]
    for n, d in enumerate(docs):
        assert (
            db.bulk_docs_replicated(
                [{**d, "_rev": f"1-{n}", "_revisions": {"start": 1, "ids": [str(n)]}}]
            )
            == []
        )
    october = db.view(
        DESIGN_NAME, "meetings", group_level=3, startkey=["2026-10"], endkey=["2026-10", {}]
    )
    assert [(r["key"][1], r["value"]) for r in october] == [("x", 1), ("y", 1)]
    by_month = db.view(DESIGN_NAME, "meetings", group_level=1)
    assert [(r["key"], r["value"]) for r in by_month] == [(["2026-10"], 2), (["2026-11"], 1)]
    # _sum: +1 for the deferral, −1 where it was taken up and passed: nothing open.
    assert [r["value"] for r in db.view(DESIGN_NAME, "deferrals", group=True)] == [0]
    details = db.view(DESIGN_NAME, "deferral_details", keys=[["x", "2026-10-15", "a", "m1"]])
    assert details[0]["value"]["reason"] == "r"
    due = db.view(DESIGN_NAME, "followups_open", endkey=["2026-11-01"], inclusive_end=False)
    assert due == []  # due on the day itself is not overdue yet
    late = db.view(DESIGN_NAME, "followups_open", endkey=["2026-11-02"], inclusive_end=False)
    assert [r["key"] for r in late] == [["2026-11-01", "x"]]
