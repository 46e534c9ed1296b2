"""What an update event says changed: each tracked field, with its old and new value."""

from datetime import UTC, datetime

from services.indexer.adapters import cloud_event
from services.indexer.documents import cluster_document
from services.indexer.outbox import changed_fields
from services.indexer.ports import PendingEvent

POSTED = datetime(2026, 3, 1, 9, 30, 0, 123456, tzinfo=UTC)


def doc(**fields):
    base = {
        "_id": "b:1",
        "id": "b:1",
        "version": 2,
        "indexed_at": POSTED,
        "status": "open",
        "title": "Data Engineer",
        "salary": None,
        "skills": [{"id": "tech:python", "name": "Python", "category": "language"}],
        "experience": {"min_years": 3, "max_years": None},
        "date_posted": POSTED,
    }
    return base | fields


def test_only_the_fields_that_differ_are_listed_with_old_and_new():
    salary = {"min": 60000, "max": 80000, "currency": "EUR", "period": "YEAR"}
    changes = changed_fields(doc(), doc(title="Senior Data Engineer", salary=salary))
    assert changes == [
        {"field": "title", "old": "Data Engineer", "new": "Senior Data Engineer"},
        {"field": "salary", "old": None, "new": salary},
    ]


def test_what_storage_changes_is_not_a_change():
    # MongoDB keeps milliseconds, and a null sub-field may be absent once stored.
    stored = doc(date_posted=POSTED.replace(microsecond=123000), experience={"min_years": 3})
    assert changed_fields(stored, doc()) == []
    assert changed_fields(doc(skills=[]), doc(skills=None)) == []


def test_a_removed_skill_is_a_change():
    [change] = changed_fields(doc(), doc(skills=[]))
    assert change["field"] == "skills" and change["new"] == []


def test_the_event_carries_the_changes_and_no_internal_field():
    stored = doc(keywords=["data"])
    changes = [{"field": "title", "old": "Engineer", "new": "Data Engineer"}]
    body = cloud_event(PendingEvent("posting.updated", stored, changes)).model_dump(mode="json")
    assert body["data"]["changes"] == changes
    assert not {"keywords", "_id"} & set(body["data"])
    again = cloud_event(PendingEvent("posting.updated", stored, changes))
    assert again.id == body["id"]  # stable on redelivery


def test_the_canonical_member_is_open_then_ats_then_first_seen():
    def member(pid, origin, hour, status="open"):
        seen = POSTED.replace(hour=hour)
        return {"_id": pid, "status": status, "first_indexed_at": seen, "indexed_at": seen,
                "source": {"name": pid}, "dedup": {"origin": origin}}  # fmt: skip

    rows = [member("late-ats", "ats", 12), member("board", "board", 9), member("ats", "ats", 10)]
    assert cluster_document("c", rows, POSTED)["canonical_id"] == "ats"
    rows[2]["status"] = "closed"
    assert cluster_document("c", rows, POSTED)["canonical_id"] == "late-ats"
    ordered = [m["posting_id"] for m in cluster_document("c", rows, POSTED)["members"]]
    assert ordered == ["board", "ats", "late-ats"]
