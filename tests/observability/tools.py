"""Where the observability config lives, how to run promtool, and the queries of each dashboard."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = ROOT / "deploy" / "prometheus"
GRAFANA_DIR = ROOT / "deploy" / "grafana" / "provisioning"
DASHBOARDS_DIR = GRAFANA_DIR / "dashboards" / "jobstream"
INSTALL_HINT = "apt-get update && apt-get install -y prometheus"

# What Grafana would put in place of its variables; `.*` selects every value of a template one.
GRAFANA_MACROS = {"__rate_interval": "1m", "__interval": "15s", "__range": "5m"}
_VARIABLE = re.compile(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]")


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed: {INSTALL_HINT}")
    return path


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("promtool"), *args],
        cwd=PROMETHEUS_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def dashboards() -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text()) for p in sorted(DASHBOARDS_DIR.glob("*.json"))}


def panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def queries(dashboard: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(panel title, PromQL) for every target of every panel, Grafana variables filled in."""
    for panel in panels(dashboard):
        for target in panel.get("targets", []):
            yield panel["title"], substitute(target["expr"], dashboard)


def substitute(expr: str, dashboard: dict[str, Any]) -> str:
    names = {v["name"] for v in dashboard.get("templating", {}).get("list", [])}

    def value(match: re.Match[str]) -> str:
        name = next(g for g in match.groups() if g)
        if name in GRAFANA_MACROS:
            return GRAFANA_MACROS[name]
        if name in names:
            return ".*"
        raise AssertionError(f"unknown Grafana variable ${name} in {expr!r}")

    return _VARIABLE.sub(value, expr)
