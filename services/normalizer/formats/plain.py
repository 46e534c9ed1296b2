"""``text`` and ``markdown``: a whole posting as one string, labels and all."""

from __future__ import annotations

from typing import Any

from shared.errors import InvalidPayload
from shared.posting import NormalizedPosting

from ..text import text_to_lines
from .common import Draft


def parse_text(payload: Any, fmt: str, url: str | None) -> NormalizedPosting:
    if isinstance(payload, bytes | bytearray):
        payload = bytes(payload).decode("utf-8", "replace")
    if not isinstance(payload, str):
        raise InvalidPayload(f"{fmt} payload must be a string, got {type(payload).__name__}")
    if not payload.strip():
        raise InvalidPayload(f"{fmt} payload is empty")
    draft = Draft(fmt)
    draft.lines.extend(text_to_lines(payload))
    return draft.build(url, label_title=True, first_line=True)
