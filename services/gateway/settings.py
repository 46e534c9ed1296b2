from pydantic import Field

from shared.settings import ServiceSettings


class GatewaySettings(ServiceSettings):
    http_port: int = 8000
    http_host: str = "127.0.0.1"
    max_body_bytes: int = Field(5_000_000, gt=0, description="Largest request body accepted")
    max_batch: int = Field(500, ge=1, description="Most postings in one request")
    retry_after_s: int = Field(5, ge=1, description="Retry-After sent with a 503")
