"""Grafana provisioning and dashboards, as files: what Grafana would refuse or show empty."""

from __future__ import annotations

from typing import Any

import yaml

from tests.observability.tools import DASHBOARDS_DIR, GRAFANA_DIR, dashboards, panels, queries

EXPECTED = {"pipeline-overview.json", "sources.json", "enrichment-quality.json"}


def datasource_uid() -> str:
    document = yaml.safe_load((GRAFANA_DIR / "datasources" / "prometheus.yml").read_text())
    (datasource,) = document["datasources"]
    assert datasource["type"] == "prometheus"
    assert datasource["url"] == "http://prometheus:9090"
    uid: str = datasource["uid"]
    return uid


def test_the_three_dashboards_are_provisioned_from_their_folder() -> None:
    assert set(dashboards()) == EXPECTED
    provider = yaml.safe_load((GRAFANA_DIR / "dashboards" / "jobstream.yml").read_text())
    (entry,) = provider["providers"]
    # docker-compose mounts deploy/grafana/provisioning at /etc/grafana/provisioning.
    relative = DASHBOARDS_DIR.relative_to(GRAFANA_DIR)
    assert entry["options"]["path"] == f"/etc/grafana/provisioning/{relative}"


def test_dashboard_uids_and_titles_are_unique() -> None:
    boards = dashboards().values()
    assert len({b["uid"] for b in boards}) == len(boards)
    assert len({b["title"] for b in boards}) == len(boards)


def test_every_panel_queries_the_provisioned_datasource() -> None:
    uid = datasource_uid()
    for name, board in dashboards().items():
        for panel in panels(board):
            if panel["type"] == "row":
                continue
            assert panel["targets"], (name, panel["title"])
            sources: list[dict[str, Any]] = [panel["datasource"]]
            sources += [t["datasource"] for t in panel["targets"]]
            assert all(s["uid"] == uid for s in sources), (name, panel["title"])


def test_panels_do_not_overlap() -> None:
    for name, board in dashboards().items():
        cells: set[tuple[int, int]] = set()
        for panel in panels(board):
            grid = panel["gridPos"]
            mine = {
                (x, y)
                for x in range(grid["x"], grid["x"] + grid["w"])
                for y in range(grid["y"], grid["y"] + grid["h"])
            }
            assert grid["x"] + grid["w"] <= 24, (name, panel["title"])
            assert not cells & mine, (name, panel["title"])
            cells |= mine


def test_every_query_names_jobstream_metrics_and_known_variables() -> None:
    for board in dashboards().values():
        for title, expr in queries(board):  # an unknown $variable raises here
            assert "jobstream_" in expr or "up{" in expr, title
