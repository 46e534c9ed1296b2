"""The five services, each its own process, so one can be SIGKILLed and started again alone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from jobstream.embedded_mongo import free_port
from jobstream.services import SERVICES
from services.gateway.keys import new_key
from tests.chaos.infra import Infra

# Long enough that a fault of a few seconds is ridden out by retries instead of dead-lettered.
CHAOS_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000]
API_KEY, API_KEY_ENTRY = new_key("ingest+read")


class Stack:
    def __init__(self, infra: Infra, namespace: str, database: str, logs: Path) -> None:
        self.logs = logs
        self.ports = {name: free_port() for name in SERVICES}
        self.env = {
            **os.environ,
            "JOBSTREAM_AMQP_URL": infra.rabbit.url,
            "JOBSTREAM_REDIS_URL": infra.redis.url,
            "JOBSTREAM_MONGO_URL": infra.mongo.url,
            "JOBSTREAM_MONGO_DATABASE": database,
            "JOBSTREAM_NAMESPACE": namespace,
            "JOBSTREAM_RETRY_DELAYS_MS": json.dumps(CHAOS_RETRY_DELAYS_MS),
            "JOBSTREAM_API_KEYS": json.dumps([API_KEY_ENTRY]),
            "JOBSTREAM_RETRY_AFTER_S": "1",
            # Shorter than an outage, so a blocked broker turns into 503s the board must retry.
            "JOBSTREAM_PUBLISH_TIMEOUT_S": "1",
            "JOBSTREAM_RATE_LIMIT": "100000",
            "JOBSTREAM_LOG_LEVEL": "WARNING",
            "JOBSTREAM_LOG_FORMAT": "console",
        }
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def gateway(self) -> str:
        return self.url("gateway")

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def start(self, name: str) -> None:
        log = (self.logs / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "jobstream.cli", "serve", name],
            env={**self.env, "JOBSTREAM_HTTP_PORT": str(self.ports[name])},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_all(self, timeout: float = 60.0) -> None:
        for name in SERVICES:
            self.start(name)
        self.wait_ready(list(SERVICES), timeout)

    def wait_ready(self, names: list[str], timeout: float = 60.0) -> float:
        """Seconds until every named service answers /readyz 200 (consumers attached)."""
        started = time.monotonic()
        waiting = set(names)
        while waiting:
            for name in list(waiting):
                process = self.processes[name]
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}; see {self.logs}")
                if _ready(self.url(name)):
                    waiting.discard(name)
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"not ready within {timeout}s: {sorted(waiting)}")
            time.sleep(0.2)
        return time.monotonic() - started

    def kill(self, name: str) -> None:
        process = self.processes[name]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                print(f"chaos: {name} ignored SIGTERM; killed", file=sys.stderr)
                process.kill()
                process.wait(timeout=10)


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False
