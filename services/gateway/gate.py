"""What the gateway's routes share, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from services.gateway.auth import Authenticator
from services.gateway.guards import RateLimiter
from services.gateway.idempotency import Idempotency
from services.gateway.publishing import Publisher
from services.gateway.settings import GatewaySettings
from services.gateway.sources import Source


@dataclass(frozen=True)
class Gate:
    settings: GatewaySettings
    publisher: Publisher
    idempotency: Idempotency
    limiter: RateLimiter
    auth: Authenticator
    sources: dict[str, Source]
