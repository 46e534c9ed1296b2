"""``Taxonomy.find_keys``: the matches of ``find`` as key indexes, offsets in characters."""

from __future__ import annotations

import pytest

from services.enricher.skills.taxonomy import load_taxonomy
from services.enricher.skills.textnorm import normalize


@pytest.mark.parametrize(
    "text",
    [
        "Python, Go and AWS (EC2, S3); 5+ years, nice to have: Kubernetes",
        "Опыт работы с Python от 3 лет, знание PostgreSQL — будет плюсом",
        "Erfahrung mit Java 17+ und Spring Boot – “React” • TypeScript",
        "",
    ],
)
def test_find_keys_agrees_with_find(text: str) -> None:
    taxonomy = load_taxonomy()
    _, lower = normalize(text)
    keys = taxonomy.find_keys(lower)
    assert [(start, stop - 1, taxonomy.entries[key]) for key, start, stop in keys] == (
        taxonomy.find(lower)
    )
    for key, start, stop in keys:
        assert lower[start] == lower[stop - 1] == " "
        assert taxonomy.skill_of[key] == taxonomy.entries[key][1]
        assert taxonomy.mode_of[key] == taxonomy.entries[key][2]
