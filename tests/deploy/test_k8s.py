"""deploy/k8s: each file and the kustomize-built overlay against the Kubernetes schemas that
kubernetes-validate ships, KEDA's resources against tests/deploy/keda.py, and the references
between them (queues, Secret keys, PodDisruptionBudgets) checked by name."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from jobstream.services import SERVICES
from shared.topology import HOPS, Topology
from tests.deploy import keda
from tests.deploy.tools import ROOT, require, run, which

kubernetes_validate = pytest.importorskip(
    "kubernetes_validate", reason="pip install kubernetes-validate (it ships the schemas)"
)

K8S = ROOT / "deploy" / "k8s"
OVERLAY = K8S / "overlays" / "example"
# The oldest Kubernetes minor the manifests promise to work on.
KUBERNETES_VERSION = "1.30"

Resource = dict[str, Any]


def schema_problems(resource: Resource) -> list[str]:
    if resource["kind"] in keda.SCHEMAS:
        return keda.problems(resource)
    try:
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as exc:
        return [f"{'/'.join(map(str, exc.path))}: {exc.message}"]
    except kubernetes_validate.SchemaNotFoundError as exc:
        return [exc.message]
    return []


def invalid(resources: list[Resource]) -> dict[str, list[str]]:
    found = {f"{r['kind']}/{r['metadata']['name']}": schema_problems(r) for r in resources}
    return {name: problems for name, problems in found.items() if problems}


def load(path: Path) -> list[Resource]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def build(folder: Path) -> list[Resource]:
    if kustomize := which("kustomize"):
        result = run([kustomize, "build", str(folder)])
    else:
        result = run([require("kubectl"), "kustomize", str(folder)])
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


@pytest.fixture(scope="module")
def overlay() -> list[Resource]:
    return build(OVERLAY)


def of_kind(resources: list[Resource], kind: str) -> dict[str, Resource]:
    return {r["metadata"]["name"]: r for r in resources if r["kind"] == kind}


def test_every_manifest_file_is_valid_on_its_own() -> None:
    files = [p for p in sorted(K8S.rglob("*.yaml")) if p.name != "kustomization.yaml"]
    assert len(files) >= 8
    resources = [resource for path in files for resource in load(path)]
    assert invalid(resources) == {}


def test_the_built_overlay_is_valid(overlay: list[Resource]) -> None:
    assert invalid(overlay) == {}
    assert all(
        r["metadata"].get("namespace") == "jobstream" for r in overlay if r["kind"] != "Namespace"
    )


def test_one_deployment_per_service_running_its_command(overlay: list[Resource]) -> None:
    deployments = of_kind(overlay, "Deployment")
    assert set(deployments) == set(SERVICES)
    for name, deployment in deployments.items():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        assert container["args"] == [name]
        assert container["image"] == "registry.example.com/jobstream:0.1.0"


def test_deployments_probe_limit_and_drop_root(overlay: list[Resource]) -> None:
    for name, deployment in of_kind(overlay, "Deployment").items():
        pod = deployment["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz", name
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz", name
        for bound in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][bound]), (name, bound)
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert container["securityContext"]["readOnlyRootFilesystem"] is True


def test_configuration_comes_from_the_configmap_and_the_secret(overlay: list[Resource]) -> None:
    config = of_kind(overlay, "ConfigMap")["jobstream-config"]["data"]
    secret = of_kind(overlay, "Secret")["jobstream-secrets"]["stringData"]
    assert {"JOBSTREAM_AMQP_URL", "JOBSTREAM_REDIS_URL", "JOBSTREAM_MONGO_URL"} <= set(secret)
    assert not any(key.endswith("_URL") for key in config), "URLs carry credentials: Secret only"
    for deployment in of_kind(overlay, "Deployment").values():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        refs = {(k, v["name"]) for source in container["envFrom"] for k, v in source.items()}
        assert refs == {("configMapRef", "jobstream-config"), ("secretRef", "jobstream-secrets")}


def test_each_consumer_scales_on_its_own_queue(overlay: list[Resource]) -> None:
    namespace = of_kind(overlay, "ConfigMap")["jobstream-config"]["data"]["JOBSTREAM_NAMESPACE"]
    topology = Topology(namespace, (1,))
    scaled = {
        s["spec"]["scaleTargetRef"]["name"]: s for s in of_kind(overlay, "ScaledObject").values()
    }
    assert set(scaled) == set(HOPS)
    auths = of_kind(overlay, "TriggerAuthentication")
    secrets = of_kind(overlay, "Secret")
    for hop, scaled_object in scaled.items():
        (trigger,) = scaled_object["spec"]["triggers"]
        assert trigger["type"] == "rabbitmq"
        assert trigger["metadata"]["queueName"] == topology.queue_name(hop)
        assert trigger["metadata"]["mode"] == "QueueLength"
        auth = auths[trigger["authenticationRef"]["name"]]
        for ref in auth["spec"]["secretTargetRef"]:
            assert ref["parameter"] == "host"
            assert ref["key"] in secrets[ref["name"]]["stringData"]


def test_keda_owns_the_replica_count_of_what_it_scales(overlay: list[Resource]) -> None:
    deployments = of_kind(overlay, "Deployment")
    for scaled_object in of_kind(overlay, "ScaledObject").values():
        target = deployments[scaled_object["spec"]["scaleTargetRef"]["name"]]
        assert "replicas" not in target["spec"], "kubectl apply would fight the autoscaler"
        assert scaled_object["spec"]["minReplicaCount"] >= 1


def test_every_deployment_has_a_disruption_budget(overlay: list[Resource]) -> None:
    budgets = of_kind(overlay, "PodDisruptionBudget").values()
    for name, deployment in of_kind(overlay, "Deployment").items():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        covering = [
            b for b in budgets if b["spec"]["selector"]["matchLabels"].items() <= labels.items()
        ]
        assert len(covering) == 1, name


def test_the_checks_reject_broken_manifests(overlay: list[Resource]) -> None:
    deployment = copy.deepcopy(of_kind(overlay, "Deployment")["enricher"])
    deployment["spec"]["replicas"] = "two"
    deployment["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {}
    scaled_object = copy.deepcopy(of_kind(overlay, "ScaledObject")["enricher"])
    scaled_object["spec"]["triggers"][0]["metadata"]["value"] = 500
    without_triggers = copy.deepcopy(scaled_object)
    del without_triggers["spec"]["triggers"]
    assert schema_problems(deployment)
    assert keda.problems(scaled_object)
    assert keda.problems(without_triggers)
