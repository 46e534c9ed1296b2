"""Assign each posting to the cluster of the job it is a copy of, or found a new cluster.

Per posting: extract its features; take the lock of its company (two replicas must not found two
clusters for two copies arriving together) and look up its own record and the candidates that
share its content, canonical URL or an LSH band; apply the rules; store the outcome and release.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Literal

from shared.posting import Dedup, NormalizedPosting

from .features import Features, extract
from .index import ClusterIndex
from .record import Lookup, StoredPosting
from .rules import Match, Thresholds, compare, viable
from .sketch import NUM_PERM, band_keys


def cluster_id_for(posting_id: str) -> str:
    """The id of the cluster a posting founds: stable, derived from its own id."""
    return "c-" + hashlib.blake2b(posting_id.encode(), digest_size=8).hexdigest()


class KeyedLocks:
    """One asyncio lock per key while anyone holds or awaits it: copies of one company within
    a process wait here, without CPU, instead of polling the shared lock in Redis."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


class Clusterer:
    def __init__(
        self,
        index: ClusterIndex,
        *,
        window_days: int = 60,
        near_jaccard: float = 0.6,
        containment: float = 0.75,
        min_jaccard: float = 0.25,
        bands: int = 42,
        rows: int = 3,
        max_candidates: int = 16,
        max_pages: int = 8,
        prefetch: int = 4,
    ) -> None:
        if bands * rows > NUM_PERM:
            raise ValueError(f"bands x rows must be at most {NUM_PERM}")
        self.index = index
        self.limits = Thresholds(
            window_days=window_days,
            near_jaccard=near_jaccard,
            containment=containment,
            min_jaccard=min_jaccard,
        )
        self.bands = bands
        self.rows = rows
        self.max_candidates = max_candidates
        self.max_pages = max_pages
        self.prefetch = prefetch  # records brought with the lookup: a likely twin is among them
        self.local = KeyedLocks()

    async def assign(
        self, posting_id: str, posting: NormalizedPosting, *, origin: Literal["ats", "board"]
    ) -> Dedup:
        features = extract(posting)
        record = StoredPosting(
            posting_id, cluster_id_for(posting_id), features, self._bands(features)
        )
        limit = self.max_candidates * self.max_pages
        lock_key = _lock_key(features)
        async with self.local.hold(lock_key):
            found = await self.index.open(
                lock_key, posting_id, record.set_keys(), limit, prefetch=self.prefetch
            )
            try:
                stored = await self._decide(record, found)
            except BaseException:
                await self.index.close(found, None)
                raise
            await self.index.close(found, stored)
        return _dedup(stored or found.own or record, features, origin)

    async def _decide(self, record: StoredPosting, found: Lookup) -> StoredPosting | None:
        """The record to store (None: nothing changed), under the lock ``found`` holds."""
        if found.own is not None:
            # Redelivered, or a new version: the posting keeps its cluster and evidence.
            if found.own.features == record.features:
                return None
            return replace(found.own, features=record.features, bands=record.bands)
        match = await self._best_match(record.posting_id, record.features, found)
        if match is None:
            return record
        rule, twin = match
        return replace(
            record,
            cluster_id=twin.cluster_id,
            kind=rule.kind,
            duplicate_of=twin.posting_id,
            similarity=rule.similarity,
            rule=rule.rule,
        )

    def _bands(self, features: Features) -> tuple[str, ...]:
        # Scoped by company: only a posting of the same company (or of none) can be a near copy.
        if features.sketch is None:
            return ()
        scope = features.company if features.company is not None else ANONYMOUS
        return tuple(band_keys(scope, features.sketch, self.bands, self.rows))

    async def _best_match(
        self, posting_id: str, features: Features, found: Lookup
    ) -> tuple[Match, StoredPosting] | None:
        """The best match among the candidates, fetched a page at a time: the same content or
        URL first, then by shared bands (their count grows with the Jaccard similarity). Their
        gists rule most out first: a company posting one boilerplate for many jobs gives each
        new posting dozens of candidates under other titles, whose records need no fetch. More
        than a page of the rest is rare (one text for many places); each page after the first
        is twice the size of the one before, so a long queue costs a few round trips."""
        queue = [
            pid
            for pid in found.candidates(posting_id)[: self.max_candidates * self.max_pages]
            # Ruled out by its gist (another title, place or team): its record is not needed.
            # Without a gist (expired, or stored by older code) the record decides.
            if (gist := found.gists.get(pid)) is None or viable(features, gist, self.limits)
        ]
        start, size = 0, self.max_candidates
        while start < len(queue):
            page = queue[start : start + size]
            start, size = start + size, size * 2
            missing = [pid for pid in page if pid not in found.prefetched]
            fetched = {r.posting_id: r for r in await self.index.fetch(missing)} if missing else {}
            candidates = [
                record
                for pid in page
                if (record := found.records.get(pid) or fetched.get(pid)) is not None
            ]
            matches = [
                (match, candidate)
                for candidate in candidates
                if (
                    match := compare(
                        features, candidate.features, candidate.posting_id, self.limits
                    )
                )
            ]
            if matches:
                return min(matches, key=lambda pair: pair[0].rank())
        return None


ANONYMOUS = "~"
"""The band scope of postings that name no employer; no company key is this short."""


def _lock_key(features: Features) -> str:
    """Copies that can match share a company key. Without one, the content: two near copies of
    a posting that names no employer, arriving at the same instant, can found two clusters."""
    if features.company is not None:
        return f"company:{features.company}"
    return f"content:{features.content_hash}"


def _dedup(record: StoredPosting, features: Features, origin: Literal["ats", "board"]) -> Dedup:
    return Dedup(
        cluster_id=record.cluster_id,
        duplicate_of=record.duplicate_of,
        kind=record.kind,
        similarity=record.similarity,
        rule=record.rule,
        origin=origin,
        canonical_url=features.canonical_url,
    )
