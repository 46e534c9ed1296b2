"""`jobstream run` as the benchmark drives it: its own namespace, database and ports.

Also what the benchmark reads from the outside: each service process (a child of the runner),
its memory and CPU time from /proc, and its queue depths from /metrics.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from jobstream.embedded_mongo import free_port_block
from jobstream.services import SERVICES
from services.gateway.keys import new_key

READY_LINE = "jobstream is ready"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Stack:
    process: subprocess.Popen[bytes]
    base_port: int
    api_key: str
    mongo_url: str
    workdir: Path

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.base_port}"

    def services(self) -> dict[str, int]:
        """Service name -> pid, for every child of the runner (the database as 'mongodb')."""
        found: dict[str, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                if parent != self.process.pid:
                    continue
                argv = (stat.parent / "cmdline").read_bytes().split(b"\0")
            except (OSError, ValueError, IndexError):
                continue  # the process ended while we looked
            words = [a.decode() for a in argv if a]
            name = words[words.index("serve") + 1] if "serve" in words else "mongodb"
            found[name] = int(stat.parent.name)
        return found


def start_stack(namespace: str, database: str, retry_delays_ms: list[int], workdir: Path) -> Stack:
    """`jobstream run` on free ports; its output goes to ``workdir``/run.log."""
    key, entry = new_key("ingest+read")
    env = {
        **os.environ,
        "JOBSTREAM_NAMESPACE": namespace,
        "JOBSTREAM_MONGO_DATABASE": database,
        "JOBSTREAM_API_KEYS": json.dumps([entry]),
        "JOBSTREAM_RETRY_DELAYS_MS": json.dumps(retry_delays_ms),
        "JOBSTREAM_LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",  # the ready line must reach run.log at once
    }
    base = free_port_block(max(SERVICES.values()) + 1)
    log = (workdir / "run.log").open("wb")
    command = [sys.executable, "-m", "jobstream.cli", "run", "--base-port", str(base)]
    # The embedded database keeps nothing on disk: every run starts from an empty one.
    process = subprocess.Popen(
        [*command, "--storage", ":memory:"], env=env, cwd=workdir, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 120
    while READY_LINE not in (workdir / "run.log").read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_stack(process)
            raise RuntimeError(f"jobstream run did not start; see {workdir / 'run.log'}")
        time.sleep(0.2)
    state = json.loads((workdir / ".jobstream" / "run.json").read_text())
    return Stack(process, base, key, state["mongo_url"], workdir)


def stop_stack(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def memory_kb(pid: int) -> dict[str, int]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a process, in kB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(value.split()[0])
    return fields


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def queue_depths(metrics_text: str) -> dict[str, float]:
    """Ready messages in each hop's main queue, from a service's jobstream_queue_messages."""
    depths: dict[str, float] = {}
    for line in metrics_text.splitlines():
        if line.startswith("jobstream_queue_messages{") and 'kind="main"' in line:
            labels, value = line.rsplit(" ", 1)
            hop = labels.split('hop="', 1)[1].split('"', 1)[0]
            depths[hop] = float(value)
    return depths


def postings_created(metrics_text: str) -> float:
    """The indexer's count of postings written for the first time."""
    for line in metrics_text.splitlines():
        if line.startswith('jobstream_postings_indexed_total{result="created"}'):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@dataclass
class Scrape:
    depths: dict[str, float]
    created: float  # jobstream_postings_indexed_total{result="created"} of the indexer


async def scrape_workers(client: httpx.AsyncClient, stack: Stack) -> Scrape:
    """Every worker's own queue depth (a worker probes its own hop's queues), and how many
    postings the indexer has created: progress is read from metrics, not by querying MongoDB,
    so the measurement puts no load on the database it measures."""
    scrape = Scrape({}, 0.0)
    for offset in range(1, 5):
        try:
            response = await client.get(f"http://127.0.0.1:{stack.base_port + offset}/metrics")
        except httpx.HTTPError:
            continue
        scrape.depths.update(queue_depths(response.text))
        if offset == SERVICES["indexer"]:
            scrape.created = postings_created(response.text)
    return scrape
