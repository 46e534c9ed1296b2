from pathlib import Path

from pydantic import Field

from shared.settings import ServiceSettings


class FetcherSettings(ServiceSettings):
    http_port: int = 8001
    fetch_timeout_s: float = Field(10.0, gt=0, description="Per-request timeout")
    fetch_max_bytes: int = Field(2_000_000, gt=0, description="Largest body downloaded")
    fetch_max_redirects: int = Field(5, ge=0)
    fetch_allow_hosts: list[str] = Field(
        [], description="Hosts exempt from the private-address refusal (tests, intranet boards)"
    )
    pull_sources_file: Path | None = Field(
        None, description="YAML file of job boards and feeds to poll; unset, nothing is polled"
    )
