from typing import Protocol


class FingerprintStore(Protocol):
    async def current(self, posting_id: str) -> str | None:
        """Fingerprint of the newest version seen of the posting, if any."""
        ...

    async def remember(self, posting_id: str, version: int, fingerprint: str) -> None:
        """Record it, unless a newer version is recorded already (deliveries come out of order)."""
        ...
