from pydantic import Field

from shared.settings import MongoSettings


class IndexerSettings(MongoSettings):
    http_port: int = 8004
    prefetch: int = 256
    batch_size: int = Field(200, ge=1, le=5000, description="Most postings in one bulk write")
    batch_wait_ms: int = Field(20, ge=0, description="Longest wait to fill a batch")
