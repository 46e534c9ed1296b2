from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class PendingEvent:
    """A written posting version whose public event is not yet confirmed published."""

    type: str
    document: dict[str, Any]


class PostingStore(Protocol):
    async def ensure_indexes(self) -> None: ...

    async def write(self, documents: list[dict[str, Any]]) -> list[PendingEvent]: ...

    async def mark_published(self, events: list[PendingEvent]) -> None: ...


class EventPublisher(Protocol):
    async def publish(self, events: list[PendingEvent]) -> None: ...
