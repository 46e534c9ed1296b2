"""Second held-out pass: page, text and pushed-object shapes nobody had tuned for.

Each fix has a test that the shape is now read and one that what only looks like it is not:
the structured field still wins and says so, and a payload that cannot be read fails loudly.
"""

import json
from typing import Any

import pytest

from jobstream.offline import process_record
from services.normalizer.formats import detect_format, parse
from services.normalizer.formats.common import parse_date
from services.normalizer.text import text_to_lines
from shared.errors import InvalidPayload


def document(fmt: str, payload: Any) -> dict[str, Any]:
    return process_record({"source": "heldout2", "format": fmt, "payload": payload})


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Careers</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav>{body}<footer>© 2026 Example Inc.</footer></body></html>"
    )


def ld(obj: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# XML detection ----------------------------------------------------------------------------


def test_an_empty_personio_feed_is_detected_and_refused_clearly() -> None:
    feed = '<?xml version="1.0" encoding="UTF-8"?><workzag-jobs></workzag-jobs>'
    assert detect_format(feed) == "personio"
    with pytest.raises(InvalidPayload, match="no <position>"):
        parse("auto", feed)


def test_an_unknown_xml_document_is_refused_not_read_as_a_text_posting() -> None:
    with pytest.raises(InvalidPayload, match="root <rss>"):
        detect_format('<?xml version="1.0"?><rss><channel><title>Jobs</title></channel></rss>')
    with pytest.raises(InvalidPayload, match="root <vacancies>"):
        parse("auto", "<vacancies><vacancy>Cook</vacancy></vacancies>")


def test_markup_fragments_and_angle_brackets_in_text_keep_their_formats() -> None:
    assert detect_format("<p>Senior Cook</p><p>Lisbon</p>") == "html"
    assert detect_format("Senior Cook\nSalary: <3000 EUR per month>") == "text"


# Labels in more languages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "company", "place"),
    [
        ("Cuisinier\nEntreprise : Le Bistrot\nLieu : Nantes\n\nCuisine.", "Le Bistrot", "Nantes"),
        ("Cocinero\nEmpresa: Casa Pepe\nUbicación: Sevilla\n\nCocina.", "Casa Pepe", "Sevilla"),
        ("Kock\nFöretag: Krogen AB\nPlats: Malmö\n\nMatlagning.", "Krogen AB", "Malmö"),
    ],
)
def test_french_spanish_and_swedish_header_labels(text: str, company: str, place: str) -> None:
    posting = parse("text", text)
    assert posting.company == company
    assert posting.locations == [place]
    assert posting.hint_fields["locations"].startswith("text:")


def test_a_label_word_inside_a_sentence_is_not_a_label() -> None:
    posting = parse("text", "Cuisinier\nLe lieu de travail est agréable : Nantes ou Paris.\n")
    assert posting.locations == []


def test_type_de_contrat_and_salaire_are_read_as_their_hints() -> None:
    posting = parse(
        "text", "Serveur\nType de contrat : CDD\nSalaire : 1 900 € par mois\n\nService."
    )
    assert posting.employment_type == ["CDD"]
    assert posting.salary is not None and posting.salary.raw == "1 900 € par mois"


# Emoji lead-ins, several labels on one line, and a value on the next line -------------------


def test_an_emoji_before_a_label_does_not_hide_it() -> None:
    posting = parse("text", "Barista\n📍 Location: Leeds, UK\n🕒 Job type: Part-time\n\nCoffee.")
    assert posting.locations == ["Leeds, UK"]
    assert posting.employment_type == ["Part-time"]


def test_several_labels_on_one_line_are_read_each() -> None:
    posting = parse("text", "Dev\nLocation: Berlin | Munich • Type: Full-time\n\nWe build.")
    assert posting.locations == ["Berlin | Munich"]
    assert posting.employment_type == ["Full-time"]


def test_a_separator_inside_an_unlabelled_line_splits_nothing() -> None:
    posting = parse("text", "Dev\nPython | Go | SQL are what we use daily\n\nWe build.")
    assert posting.locations == [] and posting.employment_type == []


def test_a_definition_list_states_its_values_on_the_next_line() -> None:
    markup = page(
        "<h1>Backend Engineer</h1><dl><dt>Location</dt><dd>Vienna, Austria</dd>"
        "<dt>Company</dt><dd>Acme GmbH</dd><dt>Employment type</dt><dd>Part-time</dd></dl>"
        "<p>We build things for the web and we are hiring an engineer to help us.</p>"
    )
    posting = parse("html", markup)
    assert posting.title == "Backend Engineer"
    assert posting.company == "Acme GmbH"
    assert posting.locations == ["Vienna, Austria"]
    assert posting.employment_type == ["Part-time"]
    assert posting.hint_fields["locations"] == "text:Location"


def test_a_label_heading_followed_by_prose_or_a_list_is_a_section_not_a_value() -> None:
    text = (
        "Backend Engineer\n\nLocation\nOur office sits by the river, close to the station.\n"
        "\nSkills\n- Python\n- Go\n\nRemote\nBerlin\n"
    )
    posting = parse("text", text)
    assert posting.locations == []
    assert posting.skills == []
    assert "workplace" not in posting.hint_fields


def test_the_first_line_title_skips_a_label_and_its_value() -> None:
    posting = parse("markdown", "## Job: Backend Engineer\n\n**Location**\nBerlin\n\nWe build.")
    assert posting.title == "Backend Engineer"
    assert posting.locations == ["Berlin"]
    bare = parse("text", "Location\nBerlin, Germany\nWe build payment systems for shops.")
    assert bare.title != "Berlin, Germany"


# Markdown tables ----------------------------------------------------------------------------


def test_a_two_column_markdown_table_reads_as_labelled_lines() -> None:
    text = (
        "# Data Engineer\n\n| | |\n|---|---|\n| **Company** | Kestrel Analytics |\n"
        "| **Location** | Amsterdam |\n\nBuild pipelines.\n"
    )
    posting = parse("markdown", text)
    assert posting.company == "Kestrel Analytics"
    assert posting.locations == ["Amsterdam"]
    assert "|" not in posting.description.text and "---" not in posting.description.text


def test_a_wider_table_keeps_its_cells_as_text_and_states_no_label() -> None:
    lines = text_to_lines("| Location | Team | Level |\n|:--|--|--:|\n| Berlin | Data | Senior |\n")
    assert [line.text for line in lines] == ["Location | Team | Level", "Berlin | Data | Senior"]
    table = "# Dev\n\n| Location | Team | Level |\n|--|--|--|\n| Berlin | Data | Senior |\n"
    assert parse("markdown", table).locations == []


# Pushed objects with other names for their fields ---------------------------------------------


def test_generic_reads_the_usual_other_names_of_its_fields() -> None:
    job = {
        "title": "Sous Chef",
        "company_name": "Olive & Thyme",
        "location": {"city": "Lisbon", "country_code": "PT"},
        "apply_url": "https://oliveandthyme.example/jobs/sous-chef",
        "job_type": "Full-time",
        "posted_at": "2026-10-09",
        "salary": {"from": 1600, "to": 1900, "currency": "EUR", "interval": "month"},
        "remote": "hybrid",
        "body": "<p>Run the kitchen.</p>",
    }
    assert detect_format(job) == "generic"
    posting = parse("generic", job)
    assert posting.company == "Olive & Thyme"
    assert posting.url == "https://oliveandthyme.example/jobs/sous-chef"
    assert posting.locations == ["Lisbon, PT"]
    assert posting.employment_type == ["Full-time"]
    assert posting.date_posted is not None and posting.date_posted.day == 9
    assert posting.salary is not None and (posting.salary.min, posting.salary.max) == (1600, 1900)
    assert posting.salary.period == "month"
    assert posting.workplace == "hybrid"
    assert posting.hint_fields["employment_type"] == "job_type"
    assert posting.description.text == "Run the kitchen."


def test_generic_flat_salary_fields_and_the_usual_name_wins() -> None:
    job = {
        "title": "Welder",
        "url": "https://a.example/1",
        "link": "https://b.example/1",
        "salary_min": 8000,
        "salary_max": 10000,
        "salary_currency": "PLN",
        "salary_period": "month",
        "description": "Weld.",
    }
    posting = parse("generic", job)
    assert posting.url == "https://a.example/1"
    assert posting.salary is not None and posting.salary.currency == "PLN"
    assert posting.hint_fields["salary"] == "salary_min"


def test_generic_remote_no_and_a_numeric_position_state_nothing() -> None:
    posting = parse("generic", {"title": "Welder", "remote": "no", "position": 3, "text": "x"})
    assert posting.workplace is None
    assert posting.title == "Welder"
    with pytest.raises(InvalidPayload):
        parse("generic", {"job_title": "", "position": 3})


# Microdata ----------------------------------------------------------------------------------

_MICRODATA = """<main><div itemscope itemtype="https://schema.org/JobPosting">
<h1 itemprop="title">Maintenance Technician</h1>
<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
<span itemprop="name">Redwood Plastics</span></div>
<div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
<span itemprop="addressLocality">Leeds</span>, <span itemprop="addressCountry">GB</span></div></div>
<time itemprop="datePosted" datetime="2026-10-06">6 October 2026</time>
<span itemprop="employmentType">FULL_TIME</span>
<div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
<meta itemprop="currency" content="GBP">
<span itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
<span itemprop="minValue">32000</span>-<span itemprop="maxValue">38000</span>
<meta itemprop="unitText" content="YEAR"></span></div>
<div itemprop="description"><p>Keep our moulding lines running.</p><ul><li>PLCs</li></ul></div>
</div></main>"""


def test_a_microdata_job_posting_is_read_like_json_ld() -> None:
    posting = parse("html", page(_MICRODATA))
    assert posting.title == "Maintenance Technician"
    assert posting.company == "Redwood Plastics"
    assert posting.locations == ["Leeds, GB"]
    assert posting.employment_type == ["FULL_TIME"]
    assert posting.date_posted is not None and posting.date_posted.isoformat()[:10] == "2026-10-06"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        32000,
        38000,
        "GBP",
    )
    assert posting.hint_fields["date_posted"] == "datePosted"
    assert "Keep our moulding lines running.\nPLCs" in posting.description.text
    assert "©" not in posting.description.text


def test_microdata_of_another_type_is_not_a_posting() -> None:
    markup = page(
        '<main><div itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Redwood Plastics</span></div>'
        "<h1>Maintenance Technician</h1><p>Keep our moulding lines running.</p></main>"
    )
    posting = parse("html", markup)
    assert posting.title == "Maintenance Technician"
    assert posting.company is None
    assert "date_posted" not in posting.hint_fields


# The page's own text ----------------------------------------------------------------------------


def test_a_page_without_structured_data_is_its_main_region_without_chrome() -> None:
    markup = page(
        "<header><a href='/'>Orbit Robotics</a></header><main><article>"
        "<h1>Robotics Engineer</h1><p>Work on motion planning for autonomous forklifts.</p>"
        "<ul><li>C++ and ROS 2</li></ul></article>"
        "<aside><h3>Similar jobs</h3><ul><li>Firmware Engineer</li></ul></aside></main>"
    )
    text = parse("html", markup).description.text
    assert text.startswith("Robotics Engineer")
    assert "Similar jobs" not in text and "©" not in text and "Orbit Robotics" not in text


def test_a_small_main_region_does_not_hide_the_rest_of_the_page() -> None:
    markup = page(
        "<main><h1>Robotics Engineer</h1></main>"
        "<div><p>Work on motion planning for autonomous forklifts in our Lyon lab.</p>"
        "<p>You will write C++ and ROS 2 nodes and test them on real robots.</p></div>"
    )
    text = parse("html", markup).description.text
    assert "motion planning" in text and "©" not in text


def test_a_thin_json_ld_description_falls_back_to_the_page_without_its_footer() -> None:
    posting = {"@type": "JobPosting", "title": "Accountant", "description": "<p>Close books.</p>"}
    body = "<main><h1>Accountant</h1><p>Lead month-end close for our EMEA entities.</p></main>"
    text = parse("html", page(body, ld(posting))).description.text
    assert "month-end" in text and "©" not in text


# JSON-LD ----------------------------------------------------------------------------------------


def test_salary_currency_of_the_posting_and_a_listed_organization() -> None:
    posting = parse(
        "jsonld",
        {
            "@type": "JobPosting",
            "title": "Nurse",
            "salaryCurrency": "USD",
            "hiringOrganization": [{"@type": "Organization", "name": "CareCo"}],
            "baseSalary": {
                "@type": "MonetaryAmount",
                "value": {"@type": "QuantitativeValue", "minValue": 80000, "maxValue": 90000},
            },
            "description": "Care for patients.",
        },
    )
    assert posting.company == "CareCo"
    assert posting.salary is not None and posting.salary.raw == "USD 80,000 - 90,000"


def test_the_amounts_own_currency_wins_over_salary_currency() -> None:
    doc = document(
        "jsonld",
        {
            "@type": "JobPosting",
            "title": "Nurse",
            "salaryCurrency": "USD",
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "CAD",
                "value": {"minValue": 40, "maxValue": 45, "unitText": "HOUR"},
            },
            "description": "Care for patients.",
        },
    )
    assert doc["salary"]["currency"] == "CAD"
    assert doc["provenance"]["salary"]["source_field"] == "baseSalary"


# Dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["October 6, 2026", "Oct 6, 2026", "6 October 2026", "06.10.2026", "2026/10/06"]
)
def test_dates_as_pages_write_them(written: str) -> None:
    parsed = parse_date(written)
    assert parsed is not None and parsed.isoformat() == "2026-10-06T00:00:00+00:00"


@pytest.mark.parametrize("written", ["05/10/2026", "2 days ago", "soon", "31.02.2026"])
def test_ambiguous_relative_or_impossible_dates_are_left_unread(written: str) -> None:
    assert parse_date(written) is None
