"""In-process fan-out of public events to WebSocket clients, each with a filter and a buffer.

A slow client never holds up the others or the broker: its buffer is bounded and, when full,
the OLDEST event is dropped. The client is told how many it missed before the next event it
gets, so it can re-read ``GET /v1/postings`` if it needs completeness.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shared.events import EVENT_TYPES
from shared.posting import Seniority, Workplace

_TYPE_NAMES = {*EVENT_TYPES, *(t.removeprefix("posting.") for t in EVENT_TYPES)}


class StreamFilter(BaseModel):
    """Empty list = any. Types like 'posting.created' or just 'created'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    types: list[str] = Field([], max_length=20)
    country: list[str] = Field([], max_length=300)
    seniority: list[Seniority | None] = Field([], max_length=20)
    workplace: list[Workplace | None] = Field([], max_length=5)
    skill: list[str] = Field([], max_length=100, description="Skill ids ('tech:python'), any")

    @field_validator("types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        if unknown := sorted(set(value) - _TYPE_NAMES):
            raise ValueError(f"unknown event types {unknown}; known: {sorted(EVENT_TYPES)}")
        return value

    def matches(self, routing_key: str, data: dict[str, Any]) -> bool:
        event_type = routing_key.rsplit(".", 2)[0]
        if self.types and not {event_type, event_type.removeprefix("posting.")} & set(self.types):
            return False
        if self.seniority and data.get("seniority") not in self.seniority:
            return False
        if self.workplace and data.get("workplace") not in self.workplace:
            return False
        if self.country:
            wanted = {c.upper() for c in self.country}
            countries = {loc.get("country") for loc in data.get("locations") or []}
            if not wanted & countries:
                return False
        if self.skill:
            skills = {s.get("id") for s in data.get("skills") or []}
            if not set(self.skill) & skills:
                return False
        return True


class Client:
    def __init__(self, buffer: int) -> None:
        self.filter: StreamFilter | None = None
        self.pending: deque[str] = deque(maxlen=buffer)
        self.dropped = 0
        self._wake = asyncio.Event()

    def offer(self, frame: str) -> None:
        if len(self.pending) == self.pending.maxlen:
            self.dropped += 1
        self.pending.append(frame)
        self._wake.set()

    async def take(self) -> tuple[int, list[str]]:
        """Wait for events; return how many were dropped since the last take, and the events."""
        await self._wake.wait()
        self._wake.clear()
        dropped, self.dropped = self.dropped, 0
        frames = list(self.pending)
        self.pending.clear()
        return dropped, frames


class HubFull(Exception):
    pass


class Hub:
    def __init__(self, buffer: int, max_clients: int) -> None:
        self.buffer = buffer
        self.max_clients = max_clients
        self.clients: set[Client] = set()

    def join(self) -> Client:
        if len(self.clients) >= self.max_clients:
            raise HubFull(f"at most {self.max_clients} stream clients")
        client = Client(self.buffer)
        self.clients.add(client)
        return client

    def leave(self, client: Client) -> None:
        self.clients.discard(client)

    def publish(self, routing_key: str, frame: str, data: dict[str, Any]) -> int:
        """Offer one event to every client whose filter matches; returns how many."""
        delivered = 0
        for client in self.clients:
            if client.filter is not None and client.filter.matches(routing_key, data):
                client.offer(frame)
                delivered += 1
        return delivered

    async def close(self) -> None:
        self.clients.clear()
