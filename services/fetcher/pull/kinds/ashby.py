"""Ashby public posting API: one document per job board."""

from services.fetcher.pull.connector import SinglePage, SourceConfig, require

BASE = "https://api.ashbyhq.com/posting-api/job-board"


class Ashby(SinglePage):
    kind = "ashby"
    fmt = "ashby"
    url_key = "jobUrl"

    def listing_url(self, source: SourceConfig) -> str:
        board = require(source.board, "a job board name", source)
        return source.url or f"{BASE}/{board}?includeCompensation=true"


CONNECTOR = Ashby()
