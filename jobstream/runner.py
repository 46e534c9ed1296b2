"""`jobstream run`: every service as a local process, with one command; Ctrl-C stops them all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from jobstream.embedded_mongo import free_port, port_is_open, start_embedded_mongo
from jobstream.services import SERVICES

STATE_FILE = Path(".jobstream/run.json")


def _require(url: str, what: str, default_port: int) -> None:
    parts = urlsplit(url)
    if not port_is_open(parts.hostname or "127.0.0.1", parts.port or default_port, timeout=2.0):
        raise SystemExit(
            f"{what} is not reachable at {parts.hostname}:{parts.port}; start it first"
        )


def _dev_key(env: dict[str, str]) -> str | None:
    """With no credentials configured, a key for this run only, so `make demo` can push."""
    if env.get("JOBSTREAM_API_KEYS") or env.get("JOBSTREAM_JWT_ISSUER"):
        return None
    from services.gateway.keys import new_key

    key, entry = new_key("ingest+read")
    env["JOBSTREAM_API_KEYS"] = json.dumps([entry])
    return key


def _mongo(env: dict[str, str], storage: str) -> subprocess.Popen[bytes] | None:
    if env.get("JOBSTREAM_MONGO_URL"):
        return None
    port = 27017 if not port_is_open("127.0.0.1", 27017) else free_port()
    process = start_embedded_mongo(storage, port)
    env["JOBSTREAM_MONGO_URL"] = f"mongodb://127.0.0.1:{port}/"
    print(f"  mongodb     mongodb://127.0.0.1:{port}/ (embedded SecantusDB, data in {storage})")
    return process


def _wait_ready(
    urls: dict[str, str], processes: list[subprocess.Popen[bytes]], timeout: float
) -> bool:
    deadline = time.monotonic() + timeout
    waiting = dict(urls)
    while waiting and time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            return False
        for name, url in list(waiting.items()):
            try:
                if httpx.get(f"{url}/readyz", timeout=1.0).status_code == 200:
                    del waiting[name]
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    return not waiting


def _stop(processes: list[subprocess.Popen[bytes]], grace_s: float = 20.0) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


def run(base_port: int, storage: str, ready_timeout: float = 90.0) -> int:
    env = dict(os.environ)
    env.setdefault("JOBSTREAM_LOG_FORMAT", "console")
    api_key = _dev_key(env)
    _require(env.get("JOBSTREAM_AMQP_URL", "amqp://127.0.0.1:5672/"), "RabbitMQ", 5672)
    _require(env.get("JOBSTREAM_REDIS_URL", "redis://127.0.0.1:6379/0"), "Redis", 6379)
    print("jobstream is starting:")
    mongo = _mongo(env, storage)
    processes: list[subprocess.Popen[bytes]] = [mongo] if mongo else []
    urls: dict[str, str] = {}
    for name, offset in SERVICES.items():
        port = base_port + offset
        service_env = {**env, "JOBSTREAM_HTTP_PORT": str(port)}
        command = [sys.executable, "-m", "jobstream.cli", "serve", name]
        # Own session: a terminal's Ctrl-C reaches only this supervisor, which stops the
        # services in order (workers drain first, the database last).
        processes.append(subprocess.Popen(command, env=service_env, start_new_session=True))
        urls[name] = f"http://127.0.0.1:{port}"
    for name, url in urls.items():
        print(f"  {name:<11} {url}  (/healthz /readyz /metrics)")
    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    STATE_FILE.touch(mode=0o600)
    state = {"urls": urls, "mongo_url": env["JOBSTREAM_MONGO_URL"], "api_key": api_key}
    STATE_FILE.write_text(json.dumps(state))
    stop = {"requested": False}

    def request_stop(*_: object) -> None:
        stop["requested"] = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        if not _wait_ready(urls, processes, ready_timeout):
            print("jobstream: a service failed to start; stopping", file=sys.stderr)
            return 1
        print(f"jobstream is ready: POST postings to {urls['gateway']}/v1/postings  (Ctrl-C stops)")
        while not stop["requested"]:
            if any(p.poll() is not None for p in processes):
                print("jobstream: a service exited; stopping the rest", file=sys.stderr)
                return 1
            time.sleep(0.3)
        return 0
    finally:
        # Workers first so they drain, the database last.
        _stop([p for p in processes if p is not mongo])
        if mongo is not None:
            _stop([mongo])
        print("jobstream stopped")
