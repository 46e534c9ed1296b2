"""Who is calling: a hashed API key or an OAuth2 bearer JWT, each with scopes (ingest, read)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

import jwt
from fastapi import Depends
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from services.gateway.keys import PREFIX, KeyRing
from services.gateway.problems import Problem
from services.gateway.settings import GatewaySettings

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="apiKey")
_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="An API key (jsk_...) or a JWT from the configured OAuth2 issuer",
)
_JWKS_ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256", "EdDSA"]


@dataclass(frozen=True)
class Principal:
    subject: str
    scopes: frozenset[str]


def _unauthorized(detail: str, error: str | None = None) -> Problem:
    challenge = 'Bearer realm="jobstream"' + (f', error="{error}"' if error else "")
    return Problem(
        401, "Unauthorized", detail, headers={"WWW-Authenticate": challenge}, field="Authorization"
    )


def _scopes_of(claims: dict[str, Any]) -> frozenset[str]:
    raw = claims.get("scope", claims.get("scp", ""))
    names = raw.split() if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return frozenset(str(n) for n in names)


class Authenticator:
    def __init__(self, settings: GatewaySettings) -> None:
        self.keys = KeyRing(settings.api_keys)
        self.settings = settings
        self._jwks = (
            jwt.PyJWKSet.from_json(settings.jwt_jwks_file.read_text())
            if settings.jwt_jwks_file
            else None
        )

    @property
    def configured(self) -> bool:
        return bool(self.keys) or self.settings.jwt_issuer is not None

    def authenticate(self, token: str) -> Principal:
        if token.startswith(PREFIX):
            stored = self.keys.find(token)
            if stored is None:
                raise _unauthorized("unknown or revoked API key", "invalid_token")
            return Principal(f"key:{stored.key_id}", stored.scopes)
        claims = self._verify_jwt(token)
        return Principal(f"jwt:{claims.get('sub', '?')}", _scopes_of(claims))

    def _verify_jwt(self, token: str) -> dict[str, Any]:
        issuer = self.settings.jwt_issuer
        if issuer is None:
            raise _unauthorized("bearer JWTs are not enabled; use an API key", "invalid_token")
        try:
            key, algorithms = self._key_for(token)
            return jwt.decode(
                token,
                key,
                algorithms=algorithms,
                issuer=issuer,
                audience=self.settings.jwt_audience,
                options={"require": ["exp", "iss", "sub"]},
                leeway=30,
            )
        except jwt.PyJWTError as exc:
            raise _unauthorized(f"invalid token: {exc}", "invalid_token") from None

    def _key_for(self, token: str) -> tuple[Any, list[str]]:
        if self._jwks is not None:
            kid = jwt.get_unverified_header(token).get("kid")
            for jwk in self._jwks.keys:
                if kid is None or jwk.key_id == kid:
                    return jwk.key, _JWKS_ALGORITHMS
            raise jwt.InvalidKeyError(f"no key {kid!r} in the issuer's JWKS")
        secret = self.settings.jwt_hs256_secret
        if secret is None:
            raise jwt.InvalidKeyError("no JWT verification key is configured")
        return secret.get_secret_value(), ["HS256"]


def require(authenticator: Authenticator, scope: str) -> Callable[..., Awaitable[Principal]]:
    """A FastAPI dependency: the caller, who must hold ``scope`` (401 if unknown, 403 if not)."""

    async def dependency(
        api_key: Annotated[str | None, Depends(_api_key_header)],
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        token = api_key or (bearer.credentials if bearer else None)
        if not token:
            raise _unauthorized("send an API key (X-API-Key or Authorization: Bearer)")
        principal = authenticator.authenticate(token)
        if scope not in principal.scopes:
            raise Problem(
                403,
                "Forbidden",
                f"this credential lacks the '{scope}' scope",
                headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
                field="Authorization",
            )
        return principal

    return dependency
