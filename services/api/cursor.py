"""Opaque pagination cursors over (sort field, _id): stable while postings are inserted.

A page ends at a position; the next page is everything strictly after it in the sort order.
MongoDB places a missing value (null) below every date and number, so ``after`` spells out
where nulls fall: last in a descending order, first in an ascending one.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class Position:
    sort: str
    value: datetime | float | None
    id: str


def _pack(value: datetime | float | None) -> Any:
    if isinstance(value, datetime):
        return {"d": value.isoformat()}
    return value


def _unpack(raw: Any) -> datetime | float | None:
    if isinstance(raw, dict):
        return datetime.fromisoformat(raw["d"])
    if raw is None or isinstance(raw, int | float):
        return raw
    raise BadCursor("cursor value has an unknown type")


def encode(position: Position) -> str:
    body = json.dumps([position.sort, _pack(position.value), position.id], separators=(",", ":"))
    return base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")


def decode(cursor: str, sort: str) -> Position:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw_sort, raw_value, raw_id = json.loads(base64.urlsafe_b64decode(padded))
        position = Position(raw_sort, _unpack(raw_value), str(raw_id))
    except (binascii.Error, ValueError, TypeError, KeyError) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    if position.sort != sort:
        raise BadCursor(f"cursor was issued for sort={position.sort!r}, not {sort!r}")
    return position


def value_at(document: dict[str, Any], field: str) -> Any:
    value: Any = document
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def after(field: str, direction: int, position: Position) -> dict[str, Any]:
    """The filter for everything strictly after ``position`` in ``(field, _id)`` order."""
    ahead = "$lt" if direction < 0 else "$gt"
    value, last_id = position.value, position.id
    if value is None:
        same = {field: None, "_id": {ahead: last_id}}
        # Descending: nulls come last, so only nulls remain. Ascending: every value follows.
        return same if direction < 0 else {"$or": [same, {field: {"$ne": None}}]}
    branches: list[dict[str, Any]] = [
        {field: {ahead: value}},
        {field: value, "_id": {ahead: last_id}},
    ]
    if direction < 0:
        branches.append({field: None})
    return {"$or": branches}
