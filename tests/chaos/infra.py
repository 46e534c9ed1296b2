"""Private RabbitMQ, Redis and MongoDB servers for one chaos session.

The shared servers on the default ports serve other engineers' tests at the same time, so every
fault this suite injects (stop, restart, memory alarm) hits only servers it started itself.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from jobstream.embedded_mongo import free_port, port_is_open

RABBIT_USER = "rabbitmq"


def amqp_answers(port: int, timeout: float = 5.0) -> bool:
    """A wedged RabbitMQ accepts TCP and never answers: only the handshake proves it is up."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(b"AMQP\x00\x00\x09\x01")
            return sock.recv(1) == b"\x01"
    except OSError:
        return False


def wait_until(check: object, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not up within {timeout}s")
        time.sleep(0.2)


class PrivateRabbit:
    """A RabbitMQ node of its own: own name, ports, data and log directories."""

    def __init__(self, root: Path) -> None:
        self.node = f"chaos{uuid.uuid4().hex[:8]}@localhost"
        self.port = free_port()
        self.dist_port = free_port()
        self.root = root / "rabbitmq"
        self.root.mkdir(parents=True)
        (self.root / "rabbitmq.conf").write_text(
            f"listeners.tcp.local = 127.0.0.1:{self.port}\nloopback_users = none\n"
        )
        (self.root / "rabbitmq-env.conf").write_text("ERL_EPMD_ADDRESS=127.0.0.1\n")
        (self.root / "enabled_plugins").write_text("[].\n")
        shutil.chown(self.root, RABBIT_USER, RABBIT_USER)
        for path in self.root.iterdir():
            shutil.chown(path, RABBIT_USER, RABBIT_USER)
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}/"

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_CONFIG_FILE": str(self.root / "rabbitmq.conf"),
            "RABBITMQ_CONF_ENV_FILE": str(self.root / "rabbitmq-env.conf"),
            "RABBITMQ_MNESIA_BASE": str(self.root / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.root / "log"),
            "RABBITMQ_PID_FILE": str(self.root / "node.pid"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.root / "enabled_plugins"),
            "ERL_FLAGS": "-kernel inet_dist_use_interface {127,0,0,1}",
        }

    def ctl(self, *args: str, timeout: float = 60.0) -> None:
        subprocess.run(
            ["rabbitmqctl", "-n", self.node, *args],
            env=self._env(),
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def start(self, timeout: float = 90.0) -> None:
        subprocess.run(
            ["rabbitmq-server", "-detached"], env=self._env(), check=True, capture_output=True
        )
        wait_until(lambda: amqp_answers(self.port, 2.0), f"RabbitMQ {self.node}", timeout)

    def stop(self) -> None:
        try:
            self.ctl("stop", timeout=60)
        except (subprocess.SubprocessError, OSError):
            self._kill_by_pid_file()
        wait_until(lambda: not port_is_open("127.0.0.1", self.port), "RabbitMQ stop", 30)

    def _kill_by_pid_file(self) -> None:
        pid_file = self.root / "node.pid"
        if pid_file.exists():
            with contextlib.suppress(ValueError, ProcessLookupError):
                os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)

    def memory_alarm(self, on: bool) -> None:
        self.ctl("set_vm_memory_high_watermark", "0.00001" if on else "0.4")


class PrivateRedis:
    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.dir = root / "redis"
        self.dir.mkdir(parents=True)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_until(lambda: port_is_open("127.0.0.1", self.port), "Redis", 30)

    def stop(self) -> None:
        _terminate(self.process)
        self.process = None


class PrivateMongo:
    """secantusd-py on a storage directory, so the data survives a stop and start."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.storage = root / "mongo"
        self.url = f"mongodb://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        from jobstream.embedded_mongo import start_embedded_mongo

        self.process = start_embedded_mongo(str(self.storage), self.port)

    def stop(self) -> None:
        _terminate(self.process)
        self.process = None


def _terminate(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


class Infra:
    """The three private servers; ``close`` stops and removes everything, whatever happened."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="jobstream-chaos-"))
        os.chmod(self.root, 0o755)
        self.rabbit = PrivateRabbit(self.root)
        self.redis = PrivateRedis(self.root)
        self.mongo = PrivateMongo(self.root)

    def start(self) -> None:
        self.redis.start()
        self.mongo.start()
        self.rabbit.start()

    def close(self) -> None:
        for stop in (self.rabbit.stop, self.redis.stop, self.mongo.stop):
            try:
                stop()
            except Exception as exc:  # one failed stop must not leave the others running
                print(f"chaos: cleanup: {exc}", file=sys.stderr)
        shutil.rmtree(self.root, ignore_errors=True)
