"""API keys: random tokens shown once, stored only as a SHA-256 hash with their scopes.

A key has 256 bits of entropy, so a fast hash is enough (no password stretching needed);
the key id in front lets the gateway find the entry without trying every hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sys
from dataclasses import dataclass

PREFIX = "jsk_"
SCOPES = frozenset({"ingest", "read"})


@dataclass(frozen=True)
class StoredKey:
    key_id: str
    digest: str
    scopes: frozenset[str]


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_id_of(key: str) -> str | None:
    if not key.startswith(PREFIX) or "." not in key:
        return None
    return key[len(PREFIX) :].split(".", 1)[0] or None


def parse_entry(entry: str) -> StoredKey:
    """'<key id>:<sha256 hex>:<scope>+<scope>' as configured in JOBSTREAM_API_KEYS."""
    parts = entry.strip().split(":")
    if len(parts) != 3 or len(parts[1]) != 64:
        raise ValueError("an API key entry is '<key id>:<sha256 hex>:<scope>[+<scope>]'")
    scopes = frozenset(s for s in parts[2].split("+") if s)
    if not scopes or not scopes <= SCOPES:
        raise ValueError(f"API key scopes must be among {sorted(SCOPES)}, got {parts[2]!r}")
    return StoredKey(parts[0], parts[1].lower(), scopes)


class KeyRing:
    def __init__(self, entries: list[str]) -> None:
        self._keys = {k.key_id: k for k in map(parse_entry, entries)}

    def __bool__(self) -> bool:
        return bool(self._keys)

    def find(self, key: str) -> StoredKey | None:
        key_id = key_id_of(key)
        stored = self._keys.get(key_id) if key_id else None
        if stored is None or not hmac.compare_digest(stored.digest, digest(key)):
            return None
        return stored


def new_key(scopes: str = "ingest+read") -> tuple[str, str]:
    """A fresh key and the entry to configure for it."""
    key_id = secrets.token_hex(4)
    key = f"{PREFIX}{key_id}.{secrets.token_urlsafe(32)}"
    entry = f"{key_id}:{digest(key)}:{scopes}"
    parse_entry(entry)
    return key, entry


if __name__ == "__main__":
    key, entry = new_key(sys.argv[1] if len(sys.argv) > 1 else "ingest+read")
    print(f"key (give to the client, shown once): {key}")
    print(f"entry (add to JOBSTREAM_API_KEYS):    {entry}")
