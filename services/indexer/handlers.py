"""Indexer: a batch of enriched postings -> one guarded bulk write -> public events."""

from datetime import UTC, datetime

from services.indexer.documents import build_document
from services.indexer.ports import EventPublisher, PendingEvent, PostingStore
from shared.messages import PostingEnriched


def latest_versions(messages: list[PostingEnriched]) -> list[PostingEnriched]:
    """One message per posting: the newest version wins, so a batch never fights itself."""
    latest: dict[str, PostingEnriched] = {}
    for msg in messages:
        current = latest.get(msg.posting_id)
        if current is None or msg.version > current.version:
            latest[msg.posting_id] = msg
    return list(latest.values())


async def index_batch(
    messages: list[PostingEnriched], store: PostingStore, events: EventPublisher
) -> list[PendingEvent]:
    indexed_at = datetime.now(UTC)
    documents = [build_document(m, indexed_at) for m in latest_versions(messages)]
    pending = await store.write(documents)
    await events.publish(pending)
    await store.mark_published(pending)
    return pending
