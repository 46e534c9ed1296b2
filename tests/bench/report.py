"""The table `make bench` prints from its results."""

from __future__ import annotations

from typing import Any

# api consumes every public event for its live stream: its CPU is part of the cost too.
SERVICE_ORDER = ("gateway", "fetcher", "normalizer", "enricher", "indexer", "api", "mongodb")


def _row(label: str, value: Any) -> None:
    print(f"  {label:<40} {value}")


def _load(title: str, run: dict[str, Any]) -> None:
    print(title)
    if not run.get("indexed"):
        _row("indexed", f"0 of {run['pushed']}")
        return
    latency = run["latency_ms"]
    _row("postings indexed / pushed", f"{run['indexed']} / {run['pushed']}")
    if "offered_per_s" in run:
        _row("offered rate", f"{run['offered_per_s']} postings/s")
    _row("gateway accepted at", f"{run['gateway_accept_per_s']} postings/s")
    _row("throughput, first receipt -> last indexed", f"{run['postings_per_s']} postings/s")
    _row(
        "receipt -> indexed p50 / p95 / p99 / max",
        f"{latency['p50']} / {latency['p95']} / {latency['p99']} / {latency['p100']} ms",
    )
    depths = run["max_queue_depth"]
    _row("max ready messages per hop queue", ", ".join(f"{h} {d}" for h, d in depths.items()))
    cpu = run["cpu_ms_per_posting"]
    _row("CPU ms per posting", ", ".join(f"{s} {cpu[s]}" for s in SERVICE_ORDER if s in cpu))


def print_table(results: dict[str, Any]) -> None:
    off = results["offline"]
    print(f"jobstream bench (namespace {results['namespace']})")
    print(f"1. offline normalize + enrich, one core, {off['distinct_postings']} real postings")
    _row("throughput", f"{off['postings_per_s']} postings/s ({off['mean_payload_kb']} KB)")
    for stage, us in off["us_per_posting"].items():
        _row(f"{stage} per posting", f"{us} us")
    pipe = results["pipeline"]
    _load("2. end to end through the five services, pushed as fast as accepted", pipe["peak"])
    _load("   again, paced at half of that throughput", pipe["half_load"])
    print("   memory per service, peak (VmHWM) / now (VmRSS)")
    memory = pipe["memory_kb"]
    for name in (s for s in SERVICE_ORDER if s in memory):
        _row(name, f"{memory[name]['VmHWM'] // 1024} / {memory[name]['VmRSS'] // 1024} MB")
    raw = results["raw_chain"]
    sizes = "/".join(str(round(b / 1024, 1)) for b in raw["message_bytes"])
    print(f"3. raw aio-pika chain: {raw['hops']} hops, quorum queues, persistent, confirms")
    _row("message sizes (KB), producer then hops", sizes)
    _row("prefetch = confirm window", raw["prefetch"])
    runs = ", ".join(str(r) for r in raw.get("runs_messages_per_s", []))
    _row("throughput, median", f"{raw['messages_per_s']} messages/s ({raw['messages']} messages)")
    _row("runs", f"{runs} messages/s")
    _row("pipeline peak / raw chain", results["pipeline_to_raw_ratio"])
