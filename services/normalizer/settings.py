from pydantic import Field

from shared.settings import ServiceSettings


class NormalizerSettings(ServiceSettings):
    http_port: int = 8002
    fingerprint_ttl_s: int = Field(
        90 * 24 * 3600, gt=0, description="How long a content hash is kept"
    )
    dedup_enabled: bool = Field(
        True, description="Cluster copies of one job across sources (near-duplicate index)"
    )
    dedup_ttl_s: int = Field(
        90 * 24 * 3600, gt=0, description="How long the near-duplicate index remembers a posting"
    )
    dedup_window_days: int = Field(
        60, gt=0, description="Copies must be posted within this many days of each other"
    )
