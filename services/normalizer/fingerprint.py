"""Content fingerprint: the same canonical content and status always hash the same."""

import hashlib

import orjson

from shared.posting import NormalizedPosting


def fingerprint(posting: NormalizedPosting, status: str) -> str:
    canonical = orjson.dumps(
        {"status": status, "posting": posting.model_dump(mode="json")}, option=orjson.OPT_SORT_KEYS
    )
    return hashlib.blake2b(canonical, digest_size=16).hexdigest()
