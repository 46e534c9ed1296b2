"""The Prometheus config and alert rules, checked and unit-tested by promtool."""

from __future__ import annotations

import pytest
import yaml

from tests.observability.tools import PROMETHEUS_DIR, promtool

# What ops must be paged for (issue 7), each by the alert that covers it.
REQUIRED_ALERTS = {
    "dead letters arriving": "JobstreamDeadLettersArriving",
    "a backlog that keeps growing": "JobstreamBacklogGrowing",
    "error ratio": "JobstreamHopErrorRatioHigh",
    "a source silent for too long": "JobstreamSourceSilent",
    "end-to-end p95 latency": "JobstreamEndToEndLatencyHigh",
    "a service down": "JobstreamServiceDown",
}


def rules() -> list[dict[str, object]]:
    document = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def test_config_and_the_rules_it_loads_are_valid() -> None:
    result = promtool("check", "config", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "alerts.yml" in result.stdout + result.stderr


def test_rules_are_valid() -> None:
    result = promtool("check", "rules", "alerts.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_alert_unit_tests_pass() -> None:
    result = promtool("test", "rules", "alerts.test.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("need", sorted(REQUIRED_ALERTS))
def test_each_required_alert_exists(need: str) -> None:
    assert REQUIRED_ALERTS[need] in {rule["alert"] for rule in rules()}


def test_every_alert_has_a_severity_a_summary_and_a_runbook_line() -> None:
    for rule in rules():
        labels, annotations = rule.get("labels", {}), rule.get("annotations", {})
        assert isinstance(labels, dict) and isinstance(annotations, dict)
        assert labels.get("severity") in {"critical", "warning", "ticket"}, rule["alert"]
        assert annotations.get("summary"), rule["alert"]
        assert len(str(annotations.get("runbook", ""))) > 40, rule["alert"]


def test_every_alert_is_unit_tested_firing() -> None:
    tests = yaml.safe_load((PROMETHEUS_DIR / "alerts.test.yml").read_text())["tests"]
    fired = {
        case["alertname"]
        for test in tests
        for case in test["alert_rule_test"]
        if case.get("exp_alerts")
    }
    assert {str(rule["alert"]) for rule in rules()} <= fired
