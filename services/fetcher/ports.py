from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Downloaded:
    url: str
    content_type: str
    text: str


class Downloader(Protocol):
    async def download(self, url: str) -> Downloaded: ...
