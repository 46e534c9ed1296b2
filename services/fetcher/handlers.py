"""Fetcher: an inline payload passes on; a URL reference is downloaded first."""

import json

from services.fetcher.ports import Downloaded, Downloader
from shared.messages import PostingFetched, PostingReceived


def _format_of(declared: str, downloaded: Downloaded) -> tuple[str, object]:
    """A declared format wins; with 'auto', JSON is decoded and HTML named by its content type."""
    if declared != "auto":
        return declared, downloaded.text
    if "json" in downloaded.content_type:
        return "auto", json.loads(downloaded.text)
    if "html" in downloaded.content_type:
        return "html", downloaded.text
    return "auto", downloaded.text


async def fetch(msg: PostingReceived, downloader: Downloader) -> PostingFetched:
    fmt, payload, url = msg.format, msg.payload, msg.url
    if msg.event == "upsert" and payload is None and url is not None:
        downloaded = await downloader.download(url)
        fmt, payload = _format_of(msg.format, downloaded)
        url = downloaded.url
    return PostingFetched(
        **msg.carried(),
        format=fmt,
        payload=payload,
        url=url,
    )
