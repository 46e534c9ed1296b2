"""deploy/Dockerfile: hadolint, and the properties the issue asks for, read from the file itself."""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib
from pathlib import Path

from jobstream.services import SERVICES
from tests.deploy.tools import ROOT, require, run

DOCKERFILE = ROOT / "deploy" / "Dockerfile"
PACKAGES = ("shared", "services", "jobstream")


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", text)
    lines = (line.strip() for line in joined.splitlines())
    return [
        (parts[0].upper(), parts[1] if len(parts) > 1 else "")
        for parts in (line.split(None, 1) for line in lines if line and not line.startswith("#"))
    ]


def stages() -> list[list[tuple[str, str]]]:
    found: list[list[tuple[str, str]]] = []
    for op, args in instructions(DOCKERFILE.read_text()):
        if op == "FROM":
            found.append([])
        if found:
            found[-1].append((op, args))
    return found


def test_hadolint_finds_nothing() -> None:
    result = run([require("hadolint"), "--format", "json", str(DOCKERFILE)])
    findings = json.loads(result.stdout or "[]")
    assert findings == [], "\n".join(f"{f['line']}: {f['code']} {f['message']}" for f in findings)
    assert result.returncode == 0, result.stderr


def test_build_and_runtime_are_separate_stages() -> None:
    build, runtime = stages()[0], stages()[-1]
    assert len(stages()) >= 2
    assert any(op == "RUN" and "pip install" in args for op, args in build)
    # The runtime copies only the built venv: no sources, no pip, no compiler.
    copies = [args for op, args in runtime if op == "COPY"]
    assert copies and all(args.startswith("--from=") for args in copies)
    assert not any(op == "RUN" and "pip" in args for op, args in runtime)


def test_runtime_runs_as_a_numeric_non_root_user() -> None:
    users = [args for op, args in stages()[-1] if op == "USER"]
    assert users, "the runtime stage never drops root"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0  # numeric, so runAsNonRoot can be verified


def test_the_command_chooses_the_service() -> None:
    runtime = dict(stages()[-1])
    assert json.loads(runtime["ENTRYPOINT"]) == ["jobstream", "serve"]
    assert json.loads(runtime["CMD"])[0] in SERVICES


def test_everything_copied_is_in_the_build_context() -> None:
    ignore = (ROOT / "deploy" / "Dockerfile.dockerignore").read_text().split()
    allowed = [p[1:].rstrip("/") for p in ignore if p.startswith("!")]
    for op, args in stages()[0]:
        if op == "COPY" and not args.startswith("--from="):
            source = args.split()[0]
            assert (ROOT / source).exists(), source
            assert source.rstrip("/") in allowed, f"{source} is excluded by the .dockerignore"


def test_image_ships_every_data_file_the_code_reads() -> None:
    """The image installs the wheel, not the tree: a data file outside package-data is missing."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = pyproject["tool"]["setuptools"]["package-data"]["*"]
    missing = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*"))
        if path.is_file()
        and _is_data(path)
        and not any(fnmatch.fnmatch(path.name, p) for p in patterns)
    ]
    assert missing == [], f"not in [tool.setuptools.package-data] {patterns}: {missing}"


def _is_data(path: Path) -> bool:
    return path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
