"""Skills extraction on the two seed postings, tags, merging and the taxonomy itself."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from services.enricher.skills import TAXONOMY_VERSION, extract_skills
from services.enricher.skills.taxonomy import load_taxonomy
from shared.posting import Description, NormalizedPosting, Section, Skill

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
MUMBAI = (SEEDS / "senior-backend-engineer-mumbai.txt").read_text(encoding="utf-8")
PRODUCT = (SEEDS / "senior-backend-developer-product-company.txt").read_text(encoding="utf-8")


def posting(text: str = "", title: str | None = None, **fields: object) -> NormalizedPosting:
    return NormalizedPosting(title=title, description=Description(text=text), **fields)


def by_name(skills: list[Skill]) -> dict[str, Skill]:
    return {s.name: s for s in skills}


@pytest.fixture(scope="module")
def mumbai() -> dict[str, Skill]:
    return by_name(extract_skills(posting(MUMBAI, "Senior Backend Engineer")))


MUMBAI_SKILLS = [
    "Node.js",
    "Express.js",
    "MongoDB",
    "Mongoose",
    "Redis",
    "JavaScript",
    "Azure Event Hubs",
    "Azure DevOps",
    "Azure Pipelines",
    "Docker",
    "WebSocket",
    "RabbitMQ",
    "AMQP",
    "JWT",
    "OAuth",
    "OWASP",
    "bcrypt",
    "Swagger",
    "OpenAPI",
    "Git",
    "Jest",
    "ESLint",
    "Prettier",
    "Prometheus",
    "Google Cloud Pub/Sub",
    "Google Compute Engine",
    "Google Cloud Storage",
    "SocketCluster",
    "Agenda",
    "Bull",
    "Google Cloud Platform",
    "Microsoft Azure",
    "CI/CD",
    "Microservices",
]


@pytest.mark.parametrize("name", MUMBAI_SKILLS)
def test_first_seed_yields_each_stated_technology(mumbai: dict[str, Skill], name: str) -> None:
    assert name in mumbai


def test_first_seed_years_are_read_next_to_their_skill(mumbai: dict[str, Skill]) -> None:
    assert mumbai["Node.js"].min_years == 5
    assert mumbai["MongoDB"].min_years == 3
    assert mumbai["Redis"].min_years is None
    assert mumbai["Express.js"].min_years is None


def test_skill_fields_are_filled_from_the_taxonomy(mumbai: dict[str, Skill]) -> None:
    node = mumbai["Node.js"]
    assert node.id == "tech:nodejs"
    assert node.category == "platforms"
    assert node.required is True
    assert "Node.js" in node.evidence and len(node.evidence) <= 200
    assert all(len(s.evidence) <= 200 for s in mumbai.values())
    assert mumbai["JavaScript"].esco_uri and mumbai["JavaScript"].esco_uri.startswith(
        "http://data.europa.eu/esco/skill/"
    )


def test_one_skill_per_id(mumbai: dict[str, Skill]) -> None:
    skills = extract_skills(posting(MUMBAI))
    ids = [s.id for s in skills]
    assert len(ids) == len(set(ids))


def test_run_in_headings_do_not_hide_prose_words(mumbai: dict[str, Skill]) -> None:
    # "Background Jobs", "Message Queues", "Real-time & Messaging" are headings, not tools
    assert "Go" not in mumbai and "C" not in mumbai and "R" not in mumbai


@pytest.fixture(scope="module")
def product() -> dict[str, Skill]:
    return by_name(extract_skills(posting(PRODUCT, "Senior Backend Developer")))


PRODUCT_SKILLS = [
    "Node.js",
    "Spring Boot",
    "FastAPI",
    "Express.js",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "Microservices",
    "Distributed systems",
    "System design",
    "CI/CD",
]


@pytest.mark.parametrize("name", PRODUCT_SKILLS)
def test_second_seed_yields_required_skills(product: dict[str, Skill], name: str) -> None:
    assert product[name].required is True


@pytest.mark.parametrize("name", ["Domain-driven design", "Event-driven architecture"])
def test_second_seed_preferred_section_is_not_required(
    product: dict[str, Skill], name: str
) -> None:
    assert product[name].required is False


def test_preferred_section_kind_marks_skills_not_required() -> None:
    sections = [
        Section(heading="Requirements", kind="requirements", items=["Strong Python and Django"]),
        Section(heading="Extras", kind="preferred", items=["Kubernetes", "Terraform"]),
    ]
    text = "Requirements\nStrong Python and Django\nExtras\nKubernetes\nTerraform"
    skills = by_name(
        extract_skills(NormalizedPosting(description=Description(text=text, sections=sections)))
    )
    assert skills["Python"].required and skills["Django"].required
    assert not skills["Kubernetes"].required and not skills["Terraform"].required


@pytest.mark.parametrize(
    "sentence",
    [
        "Experience with Kafka is a plus.",
        "Kafka is nice to have.",
        "Bonus points for Kafka.",
        "Kafka knowledge is an advantage.",
        "Good to have: Kafka.",
    ],
)
def test_nice_to_have_markers(sentence: str) -> None:
    skills = by_name(extract_skills(posting(f"You will write Python every day.\n{sentence}")))
    assert skills["Apache Kafka"].required is False
    assert skills["Python"].required is True


def test_required_if_any_occurrence_is_required_and_largest_years_win() -> None:
    text = "Kafka is a plus.\nMust have: 2 years of Kafka.\nKafka: 4+ years in production."
    kafka = by_name(extract_skills(posting(text)))["Apache Kafka"]
    assert kafka.required is True
    assert kafka.min_years == 4
    assert kafka.evidence == "Kafka is a plus."


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("MongoDB : 3+ years", "MongoDB", 3),
        ("5+ years of production experience with Node.js", "Node.js", 5),
        ("3 years of Python", "Python", 3),
        ("At least 4 years of experience with Go.", "Go", 4),
        ("Java (5+ years)", "Java", 5),
        ("We are a team of 40 engineers using Python.", "Python", None),
        ("Founded 10 years ago, we build with Rust and Go.", "Rust", None),
    ],
)
def test_min_years(text: str, name: str, years: float | None) -> None:
    assert by_name(extract_skills(posting(text)))[name].min_years == years


def test_employer_tags_map_onto_the_taxonomy() -> None:
    skills = by_name(
        extract_skills(posting(skills=["nodejs", "Postgres", "k8s", "Underwater basket weaving"]))
    )
    assert {"Node.js", "PostgreSQL", "Kubernetes"} <= set(skills)
    tag = skills["Underwater basket weaving"]
    assert tag.id == "tag:underwater-basket-weaving" and tag.category == "other"


def test_ambiguous_tags_count_as_skills() -> None:
    skills = by_name(extract_skills(posting(skills=["Go", "rust", "Swift"])))
    assert {"Go", "Rust", "Swift"} <= set(skills)


def test_taxonomy_is_versioned_and_large_enough() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.version == TAXONOMY_VERSION
    tech = [s for s in taxonomy.skills if s.id.startswith("tech:")]
    esco = [s for s in taxonomy.skills if s.id.startswith("esco:")]
    assert len(tech) >= 1500 and len(esco) >= 10000
    assert all(s.esco_uri for s in esco)


def test_repeated_extraction_is_stable_and_its_speed_is_printed() -> None:
    """Prints the time per posting (CPU time, not asserted: this suite runs on shared machines)."""
    seed = posting(MUMBAI, "Senior Backend Engineer")
    first = extract_skills(seed)
    runs = 100
    start = time.process_time()
    for _ in range(runs):
        again = extract_skills(seed)
    per_posting = (time.process_time() - start) / runs
    print(f"\nskills: {per_posting * 1e6:.0f} us per posting of {len(MUMBAI)} chars")
    assert again == first
