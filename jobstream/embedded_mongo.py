"""The embedded MongoDB wire-protocol server (SecantusDB) for machines without MongoDB."""

import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path


def port_is_open(host: str, port: int, timeout: float = 0.5) -> bool:
    with socket.socket() as sock:
        sock.settimeout(timeout)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    """A free port on 127.0.0.1 for a server about to start (see ``free_port_block``)."""
    return free_port_block(1)


def free_port_block(size: int) -> int:
    """A base port with ``size`` free ports from it on (for `jobstream run --base-port`).

    Chosen below the kernel's ephemeral range where there is room: a port in that range can be
    taken, between this check and the server's bind, as the local port of any outgoing
    connection (to RabbitMQ, Redis, ...), and the server then fails with "address already in
    use". Without room below it (a range that starts low), any free block will do.

    Never a port this process has handed out before: callers often pick several ports before
    any server binds one (a stack of services), and two of them sharing a port meant one
    service answered the other's readiness check while the other failed to bind.
    """
    low, high = _LOWEST, min(_ephemeral_low(), 65_536) - size
    if high <= low:
        low, high = 1_024, 65_536 - size
    chooser = random.Random()
    for _ in range(200):
        base = chooser.randrange(low, high)
        block = range(base, base + size)
        if _HANDED_OUT.isdisjoint(block) and all(_can_bind(port) for port in block):
            _HANDED_OUT.update(block)
            return base
    raise RuntimeError(f"no block of {size} free ports in {low}-{high + size - 1}")


_LOWEST = 20_000  # below this, well-known and registered services are more likely to listen
_HANDED_OUT: set[int] = set()


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32_768  # Linux's default


def _can_bind(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def start_embedded_mongo(
    storage: str, port: int, timeout_s: float = 30.0
) -> subprocess.Popen[bytes]:
    """Start ``secantusd-py`` on loopback and wait until it accepts connections."""
    command = shutil.which("secantusd-py") or str(Path(sys.executable).parent / "secantusd-py")
    if not Path(command).exists():
        raise SystemExit(
            "no MongoDB: set JOBSTREAM_MONGO_URL, or install the embedded server: "
            "pip install 'jobstream[embedded]'"
        )
    if storage != ":memory:":
        Path(storage).mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [
            command,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--storage-path",
            storage,
            "--log-level",
            "WARNING",
            # No replica-set advertisement, so no oplog: jobstream uses neither change streams
            # nor transactions, and the oplog entry of each write cost the server about a
            # quarter of its CPU on the indexer's upserts.
            "--standalone",
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + timeout_s
    while not port_is_open("127.0.0.1", port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit(f"the embedded MongoDB server did not start on port {port}")
        time.sleep(0.1)
    return process
