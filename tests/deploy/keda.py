"""What KEDA (keda.sh/v1alpha1) requires of a ScaledObject and a TriggerAuthentication.

kubernetes-validate ships no schema for custom resources, so this is the subset of KEDA's own CRD
schemas (config/crd/bases in kedacore/keda) that our manifests use: required fields and types,
trigger metadata as a map of strings, and the rabbitmq scaler's own parameters.
"""

from __future__ import annotations

from typing import Any

import jsonschema

_NAME_REF = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
_INT = {"type": "integer", "minimum": 0}

SCALED_OBJECT = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "keda.sh/v1alpha1"},
        "metadata": {"type": "object", "required": ["name"]},
        "spec": {
            "type": "object",
            "required": ["scaleTargetRef", "triggers"],
            "properties": {
                "scaleTargetRef": {
                    **_NAME_REF,
                    "properties": {
                        "name": {"type": "string"},
                        "kind": {"type": "string"},
                        "apiVersion": {"type": "string"},
                    },
                },
                "minReplicaCount": _INT,
                "maxReplicaCount": _INT,
                "pollingInterval": _INT,
                "cooldownPeriod": _INT,
                "triggers": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["type", "metadata"],
                        "properties": {
                            "type": {"type": "string"},
                            "authenticationRef": _NAME_REF,
                            # KEDA reads trigger metadata as map[string]string: a YAML number fails.
                            "metadata": {
                                "type": "object",
                                "additionalProperties": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
    },
}

TRIGGER_AUTHENTICATION = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "keda.sh/v1alpha1"},
        "metadata": {"type": "object", "required": ["name"]},
        "spec": {
            "type": "object",
            "properties": {
                "secretTargetRef": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["parameter", "name", "key"],
                        "properties": {k: {"type": "string"} for k in ("parameter", "name", "key")},
                    },
                }
            },
        },
    },
}

SCHEMAS = {"ScaledObject": SCALED_OBJECT, "TriggerAuthentication": TRIGGER_AUTHENTICATION}

RABBITMQ_MODES = {"QueueLength", "MessageRate"}
RABBITMQ_PROTOCOLS = {"amqp", "http", "auto"}


def problems(resource: dict[str, Any]) -> list[str]:
    """Why KEDA would refuse the resource; empty when it would take it."""
    validator = jsonschema.Draft202012Validator(SCHEMAS[resource["kind"]])
    found = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(resource)]
    if found or resource["kind"] != "ScaledObject":
        return found
    spec = resource["spec"]
    if spec.get("minReplicaCount", 0) > spec.get("maxReplicaCount", 100):
        found.append("minReplicaCount exceeds maxReplicaCount")
    for trigger in spec["triggers"]:
        if trigger["type"] == "rabbitmq":
            found.extend(_rabbitmq_problems(trigger))
    return found


def _rabbitmq_problems(trigger: dict[str, Any]) -> list[str]:
    meta = trigger["metadata"]
    found = [f"rabbitmq trigger needs {k}" for k in ("queueName", "mode", "value") if k not in meta]
    if meta.get("mode", "QueueLength") not in RABBITMQ_MODES:
        found.append(f"mode {meta['mode']!r} is not one of {sorted(RABBITMQ_MODES)}")
    if meta.get("protocol", "auto") not in RABBITMQ_PROTOCOLS:
        found.append(f"protocol {meta['protocol']!r} is not one of {sorted(RABBITMQ_PROTOCOLS)}")
    try:
        if float(meta.get("value", "1")) <= 0:
            found.append("value must be positive")
    except ValueError:
        found.append(f"value {meta['value']!r} is not a number")
    if "host" not in meta and "hostFromEnv" not in meta and "authenticationRef" not in trigger:
        found.append("rabbitmq trigger has no host, hostFromEnv or authenticationRef")
    return found
