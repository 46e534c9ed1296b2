from functools import partial

from services.fetcher.handlers import fetch
from services.fetcher.ports import Downloader
from shared.hop import Hop
from shared.messages import PostingReceived
from shared.topology import FETCHED


def fetcher_hop(downloader: Downloader) -> Hop[PostingReceived]:
    return Hop("fetcher", PostingReceived, partial(fetch, downloader=downloader), FETCHED)
