from pydantic import Field

from shared.settings import ServiceSettings


class NormalizerSettings(ServiceSettings):
    http_port: int = 8002
    fingerprint_ttl_s: int = Field(
        90 * 24 * 3600, gt=0, description="How long a content hash is kept"
    )
