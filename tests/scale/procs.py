"""Services as processes for the scale test, the way `jobstream run` starts them, plus the small
readings the test takes from them (readiness, Prometheus counters, peak memory)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from jobstream.embedded_mongo import free_port


@dataclass
class Service:
    name: str
    url: str
    process: subprocess.Popen[bytes]

    def peak_rss_mb(self) -> float:
        """VmHWM: the most resident memory the process has held (Linux only)."""
        status = Path(f"/proc/{self.process.pid}/status")
        for line in status.read_text().splitlines() if status.exists() else []:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")


def start(name: str, env: dict[str, str]) -> Service:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "jobstream.cli", "serve", name],
        env={**os.environ, **env, "JOBSTREAM_HTTP_PORT": str(port)},
    )
    return Service(name, f"http://127.0.0.1:{port}", process)


async def wait_ready(services: list[Service], within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    waiting = list(services)
    async with httpx.AsyncClient(timeout=1.0) as client:
        while waiting:
            for service in list(waiting):
                if service.process.poll() is not None:
                    raise AssertionError(f"{service.name} exited with {service.process.returncode}")
                try:
                    if (await client.get(f"{service.url}/readyz")).status_code == 200:
                        waiting.remove(service)
                except httpx.HTTPError:
                    pass
            if time.monotonic() > deadline:
                raise AssertionError(f"not ready within {within}s: {[s.name for s in waiting]}")
            await asyncio.sleep(0.1)


async def counter(service: Service, name: str, **labels: str) -> float:
    """Sum of a Prometheus counter's samples whose labels include ``labels``."""
    async with httpx.AsyncClient(timeout=5.0) as client:
        text = (await client.get(f"{service.url}/metrics")).text
    wanted = [f'{k}="{v}"' for k, v in labels.items()]
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") and all(w in line for w in wanted):
            total += float(line.rsplit(" ", 1)[1])
    return total


def stop(services: list[Service], grace_s: float = 20.0) -> None:
    for service in services:
        if service.process.poll() is None:
            service.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for service in services:
        try:
            service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            service.process.kill()
            service.process.wait()
