"""docker-compose.yml, validated and resolved by Debian's `docker-compose config` (no engine)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from jobstream.services import SERVICES
from tests.deploy.tools import ROOT, require, run

INFRA = {"rabbitmq", "redis", "mongodb", "prometheus", "grafana"}


def resolved(**env: str) -> dict[str, Any]:
    """The file as Compose reads it: anchors merged, variables substituted, schema checked."""
    result = run([require("docker-compose"), "-f", "docker-compose.yml", "config"], **env)
    assert result.returncode == 0, result.stderr
    config: dict[str, Any] = yaml.safe_load(result.stdout)
    return config


def mounts(service: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """Target -> (source, read-only), from the short form (docker-compose 1.x) or the long one."""
    found = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, str):
            source, target, *mode = volume.split(":")
            found[target] = (source, "ro" in mode)
        else:
            found[volume["target"]] = (volume["source"], bool(volume.get("read_only")))
    return found


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    found: dict[str, Any] = resolved()["services"]
    return found


def test_compose_file_is_valid() -> None:
    result = run([require("docker-compose"), "-f", "docker-compose.yml", "config", "--quiet"])
    assert result.returncode == 0, result.stderr


def test_the_whole_stack_is_there(services: dict[str, Any]) -> None:
    assert set(services) == INFRA | set(SERVICES)


def test_every_service_restarts_and_reports_health(services: dict[str, Any]) -> None:
    for name, service in services.items():
        assert service.get("restart") in {"unless-stopped", "always"}, name
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_each_jobstream_service_is_the_one_image_with_its_own_command(
    services: dict[str, Any],
) -> None:
    for name in SERVICES:
        service = services[name]
        assert service["command"] == [name]
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
        assert service["image"] == services["gateway"]["image"]
        # The healthcheck asks /readyz on the port the service is told to listen on.
        port = service["environment"]["JOBSTREAM_HTTP_PORT"]
        assert f"127.0.0.1:{port}/readyz" in " ".join(service["healthcheck"]["test"])


def test_services_start_only_after_what_they_need_is_healthy(services: dict[str, Any]) -> None:
    for name, service in services.items():
        for dependency, rule in service.get("depends_on", {}).items():
            assert rule == {"condition": "service_healthy"}, (name, dependency)
    for name in SERVICES:
        assert {"rabbitmq", "redis"} <= set(services[name]["depends_on"]), name
    assert "mongodb" in services["indexer"]["depends_on"]
    assert "prometheus" in services["grafana"]["depends_on"]


def test_jobstream_services_reach_the_infrastructure_by_service_name(
    services: dict[str, Any],
) -> None:
    env = services["indexer"]["environment"]
    assert "@rabbitmq:5672/" in env["JOBSTREAM_AMQP_URL"]
    assert env["JOBSTREAM_REDIS_URL"].startswith("redis://redis:6379/")
    assert env["JOBSTREAM_MONGO_URL"].startswith("mongodb://mongodb:27017/")
    assert env["JOBSTREAM_HTTP_HOST"] == "0.0.0.0"


def test_credentials_and_settings_come_from_the_environment() -> None:
    services = resolved(
        RABBITMQ_USER="ops", RABBITMQ_PASSWORD="s3cret", JOBSTREAM_NAMESPACE="staging"
    )["services"]
    assert services["rabbitmq"]["environment"]["RABBITMQ_DEFAULT_PASS"] == "s3cret"
    for name in SERVICES:
        env = services[name]["environment"]
        assert env["JOBSTREAM_AMQP_URL"] == "amqp://ops:s3cret@rabbitmq:5672/"
        assert env["JOBSTREAM_NAMESPACE"] == "staging"


def test_grafana_is_provisioned_from_the_repository(services: dict[str, Any]) -> None:
    source = str(ROOT / "deploy" / "grafana" / "provisioning")
    assert mounts(services["grafana"])["/etc/grafana/provisioning"] == (source, True)


def test_prometheus_scrapes_every_jobstream_service(services: dict[str, Any]) -> None:
    source = str(ROOT / "deploy" / "prometheus")
    assert mounts(services["prometheus"])["/etc/prometheus"] == (source, True)
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    scraped: set[str] = set()
    for job in config["scrape_configs"]:
        for static in job.get("static_configs", []):
            scraped |= {t.split(":")[0] for t in static["targets"] if t.endswith(":8000")}
        for dns in job.get("dns_sd_configs", []):
            scraped |= {n for n in dns["names"] if dns.get("port") == 8000}
    assert set(SERVICES) <= scraped


def test_images_are_pinned(services: dict[str, Any]) -> None:
    for name in INFRA:
        image = services[name]["image"]
        assert ":" in image and not image.endswith(":latest"), image
