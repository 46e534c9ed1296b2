"""Webhook signature schemes: Standard Webhooks, Greenhouse and Ashby.

Each check works on the raw body bytes, compares in constant time and accepts any of several
secrets, so a source can rotate its secret without a window of refused deliveries.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Scheme = Literal["standard-webhooks", "greenhouse", "ashby"]


class SignatureError(Exception):
    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field, self.detail = field, detail


@dataclass(frozen=True)
class Verified:
    delivery_id: str | None  # the sender's id of this delivery, when the scheme carries one


def _hmac(key: bytes, content: bytes) -> bytes:
    return hmac.new(key, content, hashlib.sha256).digest()


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if not value:
        raise SignatureError(name, f"the {name} header is missing")
    return value


def standard_key(secret: str) -> bytes:
    """'whsec_<base64>' as Standard Webhooks issues it; anything else is used as raw bytes."""
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[6:], validate=True)
        except binascii.Error:
            pass
    return secret.encode()


def sign_standard(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    mac = _hmac(standard_key(secret), f"{msg_id}.{timestamp}.".encode() + body)
    return "v1," + base64.b64encode(mac).decode()


def _standard(
    headers: Mapping[str, str], body: bytes, secrets: Sequence[str], now: float, tolerance: int
) -> Verified:
    msg_id = _header(headers, "webhook-id")
    raw_ts = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not raw_ts.isdigit():
        raise SignatureError("webhook-timestamp", "webhook-timestamp is not Unix seconds")
    timestamp = int(raw_ts)
    if abs(now - timestamp) > tolerance:
        raise SignatureError(
            "webhook-timestamp", f"webhook-timestamp is more than {tolerance}s from now"
        )
    offered = {s.strip() for s in signatures.split() if s.startswith("v1,")}
    for secret in secrets:
        expected = sign_standard(secret, msg_id, timestamp, body)
        if any(hmac.compare_digest(expected, s) for s in offered):
            return Verified(msg_id)
    raise SignatureError("webhook-signature", "no v1 signature matches a current secret")


def _hex_scheme(header: str, prefix: str) -> Callable[..., Verified]:
    def check(
        headers: Mapping[str, str], body: bytes, secrets: Sequence[str], *_: object
    ) -> Verified:
        value = _header(headers, header).strip()
        if not value.startswith(prefix):
            raise SignatureError(header, f"{header} must look like '{prefix}<hex>'")
        offered = value[len(prefix) :].strip().lower()
        for secret in secrets:
            if hmac.compare_digest(_hmac(secret.encode(), body).hex(), offered):
                return Verified(None)
        raise SignatureError(header, f"{header} matches no current secret")

    return check


_CHECKS: dict[str, Callable[..., Verified]] = {
    "standard-webhooks": _standard,
    "greenhouse": _hex_scheme("signature", "sha256 "),
    "ashby": _hex_scheme("ashby-signature", "sha256="),
}
SCHEMES: tuple[str, ...] = tuple(_CHECKS)


def verify(
    scheme: str,
    headers: Mapping[str, str],
    body: bytes,
    secrets: Sequence[str],
    *,
    now: float,
    tolerance_s: int,
) -> Verified:
    """The delivery's id if ``body`` is signed by one of ``secrets``; SignatureError if not."""
    return _CHECKS[scheme](headers, body, secrets, now, tolerance_s)
