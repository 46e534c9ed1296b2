from typing import Protocol


class FingerprintStore(Protocol):
    async def current(self, posting_id: str) -> str | None: ...

    async def remember(self, posting_id: str, fingerprint: str) -> None: ...
