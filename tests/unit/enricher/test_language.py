"""Language detection keeps py3langid's own answers while holding its model more compactly."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from services.enricher import language

TEXTS = [
    "We are looking for an experienced engineer to join our growing team in Berlin.",
    "Vi söker en erfaren utvecklare som vill arbeta med Python och Kubernetes i Göteborg.",
    "Мы ищем опытного инженера в нашу растущую команду разработки, удалённо или в офисе.",
    "Wir suchen eine erfahrene Entwicklerin (m/w/d) für unser Team in München, gerne remote.",
    "Szukamy doświadczonego programisty do zespołu w Krakowie; mile widziana znajomość Go.",
    "SENIOR BACKEND ENGINEER - NODE.JS, MONGODB, REDIS - MUMBAI, INDIA - FULL TIME POSITION",
    # Mixed scripts, multi-byte characters and symbols, past the sample length.
    "Cтэк: python / Go / typescript — 東京オフィス 🚀 Ärger über Größe; ça coûte 5€. " * 6,
]


@pytest.mark.parametrize("text", TEXTS)
def test_detect_gives_py3langids_own_answer(text: str) -> None:
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    code, prob = reference.classify(text[:300])  # detect reads the first 300 characters
    assert language.detect(text) == (code, round(float(prob), 3))


def test_detect_reads_a_bounded_sample() -> None:
    english = TEXTS[0] * 4
    assert language.detect(english + TEXTS[2] * 20) == language.detect(english)
