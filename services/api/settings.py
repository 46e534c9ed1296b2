from pathlib import Path

from pydantic import Field, SecretStr

from shared.settings import MongoSettings


class ApiSettings(MongoSettings):
    """The read API. Credentials use the gateway's settings names: one key ring for both."""

    http_port: int = 8005
    api_keys: list[str] = Field(
        [], description="Hashed API keys (see the gateway); readers need the 'read' scope"
    )
    jwt_issuer: str | None = Field(None, description="Issuer (`iss`) of accepted bearer JWTs")
    jwt_audience: str | None = Field(None, description="Required `aud` of bearer JWTs")
    jwt_hs256_secret: SecretStr | None = Field(None, description="Shared secret for HS256 JWTs")
    jwt_jwks_file: Path | None = Field(None, description="JWKS file with the issuer's public keys")
    stream_buffer: int = Field(
        256, ge=1, le=100_000, description="Events buffered per WebSocket client; oldest dropped"
    )
    stream_max_clients: int = Field(
        1_000, ge=1, description="WebSocket clients one API process serves at once"
    )
