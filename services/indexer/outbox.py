"""The outbox: which public event a write causes, decided from the stored version before it.

An entry is written before the posting and deleted after RabbitMQ confirmed its event, so a
crash anywhere in between leaves it for the redelivered message to publish.
"""

from datetime import UTC, datetime
from typing import Any

from shared.events import CHANGE_TRACKED


def _comparable(value: Any) -> Any:
    """Stored and fresh values compare equal: MongoDB keeps milliseconds, and absent is null."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(microsecond=value.microsecond // 1000 * 1000)
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """``{field, old, new}`` for each tracked document field whose value differs."""
    return [
        {"field": name, "old": before.get(name), "new": after.get(name)}
        for name in CHANGE_TRACKED
        if _comparable({"v": before.get(name)}) != _comparable({"v": after.get(name)})
    ]


def entry_id(posting_id: str, version: int) -> str:
    return f"{posting_id}@{version}"


def outbox_entry(doc: dict[str, Any], before: dict[str, Any] | None) -> dict[str, Any] | None:
    """The event writing ``doc`` over ``before`` causes, or None: the guards of the writes."""
    version, closing = doc["version"], doc["status"] == "closed"
    changes: list[dict[str, Any]] = []
    if before is None:
        if closing:
            return None  # closing an unknown posting writes nothing
        event_type = "posting.created"
    elif before["version"] >= version:
        return None
    elif closing:
        if before.get("status") == "closed":
            return None
        event_type = "posting.closed"
    elif before.get("fingerprint") == doc["fingerprint"]:
        return None
    else:
        reopened = before.get("status") == "closed"
        event_type = "posting.reopened" if reopened else "posting.updated"
        changes = changed_fields(before, doc)
    return {
        "_id": entry_id(doc["_id"], version),
        "posting_id": doc["_id"],
        "version": version,
        "type": event_type,
        "changes": changes,
        # A posting keeps its cluster; it joins one only when it is first indexed.
        "join": before is None and doc.get("duplicate_of") is not None,
    }
