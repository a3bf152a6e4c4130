"""The county's map/reduce views, installed by `sync` as the design document `_design/county`.

Aggregation runs in the database: the report asks for grouped rows, never
for the documents. Map functions are ES5 (CouchDB's JavaScript engines and
PouchDB both run it) and use only the built-in reduces `_count` and `_sum`,
which every CouchDB-protocol server implements natively.

Views (keys are arrays so a month or a community is a key range):

* `meetings`      [month, community code, community name] → _count
* `motions`       [month, state, community code] → _count
* `deferrals`     [community code, date deferred, doc id, motion id] → _sum:
  +1 where a motion was deferred, −1 where a later meeting decided, answered,
  withdrew or deferred again the motion taken up from it; a group summing
  to 1 is a deferral still open (the archive's backlog rule, across laptops
  of one community).
* `deferral_details` the same key as `deferrals` → the deferral's text, reason, owner
* `followups_open` [due date, community code] → the follow-up (no reduce):
  passed motions whose follow-up is not done; overdue = due before today.
* `evaluations`   [month evaluated, community code, rating] → _sum of hands
  (rating: satisfied 满意, basic 基本满意, unsatisfied 不满意).

`DESIGN_VERSION` goes up whenever a view changes, so `sync` replaces an
older design document and the server rebuilds the indexes.
"""

from __future__ import annotations

from typing import Any

DESIGN_NAME = "county"
DESIGN_ID = f"_design/{DESIGN_NAME}"
DESIGN_VERSION = 2

_MEETINGS = """function (doc) {
  if (doc.type !== 'meeting') { return; }
  emit([doc.month, doc.community_code, doc.community], 1);
}"""

_MOTIONS = """function (doc) {
  if (doc.type !== 'meeting') { return; }
  for (var i = 0; i < doc.motions.length; i++) {
    emit([doc.month, doc.motions[i].state, doc.community_code], 1);
  }
}"""

_DEFERRALS = """function (doc) {
  if (doc.type !== 'meeting') { return; }
  for (var i = 0; i < doc.motions.length; i++) {
    var m = doc.motions[i];
    if (m.state === 'deferred') {
      emit([doc.community_code, doc.date, doc._id, m.id], 1);
    }
    if (m.origin && m.state !== 'raised') {
      emit([doc.community_code, m.origin.date, m.origin.doc_id, m.origin.motion_id], -1);
    }
  }
}"""

_DEFERRAL_DETAILS = """function (doc) {
  if (doc.type !== 'meeting') { return; }
  for (var i = 0; i < doc.motions.length; i++) {
    var m = doc.motions[i];
    if (m.state === 'deferred' && m.deferral) {
      emit([doc.community_code, doc.date, doc._id, m.id], {community: doc.community, title: doc.title, date: doc.date,
        number: m.number, text: m.text, reason: m.deferral.reason, owner: m.deferral.owner});
    }
  }
}"""

_FOLLOWUPS_OPEN = """function (doc) {
  if (doc.type !== 'meeting') { return; }
  for (var i = 0; i < doc.motions.length; i++) {
    var m = doc.motions[i];
    if (m.state === 'passed' && m.followup && m.followup.due && !m.followup.done_on) {
      emit([m.followup.due, doc.community_code], {community: doc.community, title: doc.title,
        date: doc.date, number: m.number, text: m.text, owner: m.followup.owner});
    }
  }
}"""

_EVALUATIONS = """function (doc) {
  if (doc.type !== 'meeting') { return; }
  for (var i = 0; i < doc.motions.length; i++) {
    var f = doc.motions[i].followup;
    if (f && f.evaluation) {
      var month = (f.evaluation.at || doc.date).substring(0, 7);
      emit([month, doc.community_code, 'satisfied'], f.evaluation.satisfied);
      emit([month, doc.community_code, 'basic'], f.evaluation.basic);
      emit([month, doc.community_code, 'unsatisfied'], f.evaluation.unsatisfied);
    }
  }
}"""


def design_document() -> dict[str, Any]:
    """The design document's body (without `_rev`)."""
    return {
        "_id": DESIGN_ID,
        "language": "javascript",
        "meeting_tui_design_version": DESIGN_VERSION,
        "views": {
            "meetings": {"map": _MEETINGS, "reduce": "_count"},
            "motions": {"map": _MOTIONS, "reduce": "_count"},
            "deferrals": {"map": _DEFERRALS, "reduce": "_sum"},
            "deferral_details": {"map": _DEFERRAL_DETAILS},
            "followups_open": {"map": _FOLLOWUPS_OPEN},
            "evaluations": {"map": _EVALUATIONS, "reduce": "_sum"},
        },
    }


def needs_install(current: dict[str, Any] | None) -> bool:
    """True when the server has no design document, or one that differs from ours."""
    if current is None:
        return True
    wanted = design_document()
    return any(current.get(key) != wanted[key] for key in ("views", "meeting_tui_design_version"))
