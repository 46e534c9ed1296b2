"""The README's configuration table must name every setting a service reads, and only those."""

import re
from pathlib import Path

from services.api.settings import ApiSettings
from services.fetcher.settings import FetcherSettings
from services.gateway.settings import GatewaySettings
from services.indexer.settings import IndexerSettings
from services.normalizer.settings import NormalizerSettings

README = Path(__file__).parents[2] / "README.md"
SETTINGS = (GatewaySettings, FetcherSettings, NormalizerSettings, IndexerSettings, ApiSettings)


def test_configuration_table_matches_the_settings():
    documented = set(re.findall(r"^\| `(JOBSTREAM_[A-Z0-9_]+)`", README.read_text(), re.MULTILINE))
    actual = {f"JOBSTREAM_{name.upper()}" for cls in SETTINGS for name in cls.model_fields}
    assert documented == actual


def test_readme_gives_the_two_commands():
    text = README.read_text()
    assert "make run" in text and "make test" in text
