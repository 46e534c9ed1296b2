from pathlib import Path

from pydantic import Field, SecretStr

from shared.settings import ServiceSettings


class GatewaySettings(ServiceSettings):
    http_port: int = 8000
    http_host: str = "127.0.0.1"
    max_body_bytes: int = Field(5_000_000, gt=0, description="Largest request body accepted")
    max_batch: int = Field(500, ge=1, description="Most postings in one request")
    max_json_depth: int = Field(32, ge=2, le=512, description="Deepest JSON nesting accepted")
    retry_after_s: int = Field(5, ge=1, description="Retry-After sent with a 503")
    publish_timeout_s: float = Field(
        5.0, gt=0, description="Longest wait for RabbitMQ's confirms before answering 503"
    )
    api_keys: list[str] = Field(
        [],
        description="Hashed API keys, '<key id>:<sha256 hex of the key>:<scope>[+<scope>]'; "
        "mint one with `python -m services.gateway.keys ingest+read`",
    )
    jwt_issuer: str | None = Field(None, description="Issuer (`iss`) of accepted bearer JWTs")
    jwt_audience: str | None = Field(None, description="Required `aud` of bearer JWTs")
    jwt_hs256_secret: SecretStr | None = Field(None, description="Shared secret for HS256 JWTs")
    jwt_jwks_file: Path | None = Field(None, description="JWKS file with the issuer's public keys")
    sources_file: Path = Field(
        Path("config/sources.yaml"), description="Registry of webhook sources"
    )
    webhook_tolerance_s: int = Field(
        300, ge=1, description="Largest clock skew of a signed webhook's timestamp"
    )
    idempotency_ttl_s: int = Field(
        86_400, ge=1, description="How long a webhook-id or Idempotency-Key is remembered"
    )
    rate_limit: int = Field(
        100,
        ge=1,
        description="Requests per window per source or API client, unless the source sets its own",
    )
    rate_window_s: int = Field(1, ge=1, description="Window of the rate limit, in seconds")
