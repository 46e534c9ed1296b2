from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class PendingEvent:
    """A written posting version whose public event is not yet confirmed published.

    ``changes`` (updated, reopened) lists ``{field, old, new}``; ``cluster`` (cluster_joined)
    names the cluster the posting joined, with the evidence and the cluster's size.
    """

    type: str
    document: dict[str, Any]
    changes: list[dict[str, Any]] = field(default_factory=list)
    cluster: dict[str, Any] | None = None


class PostingStore(Protocol):
    async def ensure_indexes(self) -> None: ...

    async def write(self, documents: list[dict[str, Any]]) -> list[PendingEvent]: ...

    async def mark_published(self, events: list[PendingEvent]) -> None: ...


class EventPublisher(Protocol):
    async def publish(self, events: list[PendingEvent]) -> None: ...
