"""Source shapes from a held-out pass over the public ATS, feed and page formats.

Each payload has the shape its public API returns; a test asserts what a user would check in
the canonical document (or in the parsed posting, where the enricher is not the point): the
structured field wins over the text and says so, and no markup or entity leaks into the text.
"""

import html
import json
from typing import Any

from jobstream.offline import process_record
from services.normalizer.formats import detect_format, parse, split_listing
from services.normalizer.formats.common import range_hint


def document(fmt: str, payload: Any) -> dict[str, Any]:
    return process_record({"source": "heldout", "format": fmt, "payload": payload})


def salary_of(doc: dict[str, Any]) -> tuple[Any, ...]:
    pay = doc["salary"]
    return pay["min"], pay["max"], pay["currency"], pay["period"]


# Greenhouse -------------------------------------------------------------------------------


def greenhouse_job(**fields: Any) -> dict[str, Any]:
    job = {
        "id": 4412087005,
        "internal_job_id": 4108813005,
        "title": "Senior Backend Engineer",
        "updated_at": "2026-10-02T11:04:51-04:00",
        "first_published": "2026-09-28T09:12:03-04:00",
        "company_name": "Northwind",
        "location": {"name": "New York, NY"},
        "absolute_url": "https://job-boards.greenhouse.io/northwind/jobs/4412087005",
        "metadata": None,
        "content": html.escape("<p>Build routing APIs.</p>"),
        "departments": [{"id": 1, "name": "Engineering", "parent_id": None, "child_ids": []}],
        "offices": [{"id": 2, "name": "New York", "location": "New York, NY"}],
    }
    return {**job, **fields}


def test_greenhouse_pay_transparency_range_is_the_salary_in_dollars_not_cents() -> None:
    job = greenhouse_job(
        pay_input_ranges=[
            {
                "min_cents": 16500000,
                "max_cents": 19500000,
                "currency_type": "USD",
                "title": "NYC Pay Range",
                "blurb": "Base salary for this role.",
            }
        ]
    )
    doc = document("greenhouse", job)
    assert salary_of(doc) == (165000, 195000, "USD", "YEAR")
    assert doc["provenance"]["salary"]["method"] == "source_field"
    assert doc["provenance"]["salary"]["source_field"] == "pay_input_ranges"


def test_greenhouse_currency_range_field_with_its_pay_frequency() -> None:
    metadata = [
        {"id": 11, "name": "Pay Frequency", "value": "Hourly", "value_type": "single_select"},
        {
            "id": 12,
            "name": "USA: Pay Transparency Range",
            "value": {"unit": "USD", "min_value": "21.0", "max_value": "26.5"},
            "value_type": "currency_range",
        },
    ]
    doc = document("greenhouse", greenhouse_job(metadata=metadata))
    assert salary_of(doc) == (21, 26.5, "USD", "HOUR")
    assert doc["provenance"]["salary"]["source_field"] == "metadata.USA: Pay Transparency Range"


def test_greenhouse_salary_band_minimum_and_maximum_fields_make_one_range() -> None:
    metadata = [
        {"name": "Base Salary Band Maximum", "value": {"unit": "EUR", "amount": "88000.0"}},
        {"name": "Base Salary Band Minimum", "value": {"unit": "EUR", "amount": "72000.0"}},
        {"name": "Sign-on Bonus", "value": {"unit": "EUR", "amount": "5000.0"}},
    ]
    posting = parse("greenhouse", greenhouse_job(metadata=metadata))
    assert posting.salary is not None and posting.salary.raw == "EUR 72,000 - 88,000"


# Lever, Ashby --------------------------------------------------------------------------------


def test_lever_weekly_and_daily_salary_intervals_keep_their_period() -> None:
    for interval, period in (("per-week-salary", "WEEK"), ("per-day-wage", "DAY")):
        job = {
            "id": "8f6c3b2a",
            "text": "Solar Installer",
            "categories": {"commitment": "Contract", "location": "Austin, TX"},
            "description": "<div>Install panels.</div>",
            "hostedUrl": "https://jobs.lever.co/sunco/8f6c3b2a",
            "salaryRange": {"currency": "USD", "interval": interval, "min": 220, "max": 260},
        }
        assert salary_of(document("lever", job)) == (220, 260, "USD", period)


def test_ashby_partner_feed_object_names_company_department_places_and_link() -> None:
    job = {
        "id": "f1b2",
        "organizationName": "Ferrous Labs",
        "title": "Site Reliability Engineer",
        "departmentName": "Infrastructure",
        "teamName": "SRE",
        "descriptionHtml": "<p>Keep our fleet healthy.</p>",
        "employmentType": "PartTime",
        "externalLink": "https://jobs.ashbyhq.com/ferrous/f1b2/application",
        "publishedAt": "2026-03-01T09:00:00Z",
        "locations": [
            {
                "locationName": "Toronto",
                "address": {"addressLocality": "Toronto", "addressCountry": "Canada"},
                "isRemote": False,
                "isPrimaryLocation": True,
            },
            {"locationName": "Remote (Canada)", "isRemote": True, "isPrimaryLocation": False},
        ],
    }
    doc = document("auto", job)
    assert doc["company"] == {"name": "Ferrous Labs"}
    assert doc["department"] == "Infrastructure"
    assert doc["source"]["url"] == "https://jobs.ashbyhq.com/ferrous/f1b2/application"
    assert [(loc["city"], loc["country"]) for loc in doc["locations"]] == [
        ("Toronto", "CA"),
        (None, "CA"),
    ]
    assert doc["employment_type"] == ["PART_TIME"]


def test_ashby_bare_secondary_location_is_read_from_its_address() -> None:
    job = {
        "id": "a1",
        "title": "Payments Engineer",
        "location": "Toronto, ON",
        "secondaryLocations": [
            {
                "location": "London",
                "address": {
                    "postalAddress": {
                        "addressLocality": "London",
                        "addressRegion": "England",
                        "addressCountry": "United Kingdom",
                    }
                },
            },
            {"location": "Miami, FL", "address": {"postalAddress": {"addressLocality": "Miami"}}},
        ],
        "address": {"postalAddress": {"addressCountry": "Canada"}},
        "descriptionHtml": "<p>Move money.</p>",
        "jobUrl": "https://jobs.ashbyhq.com/payco/a1",
    }
    posting = parse("ashby", job)
    assert posting.locations == ["Toronto, ON", "London, England, United Kingdom", "Miami, FL"]


# Workable, SmartRecruiters, Recruitee ----------------------------------------------------------


def test_workable_widget_full_description_keeps_requirements_and_benefits() -> None:
    job = {
        "title": "Customer Success Manager",
        "shortcode": "7A1B2C3D4E",
        "employment_type": "Full-time",
        "country": "Greece",
        "city": "Athens",
        "published_on": "2026-09-01",
        "description": "<p>Own a book of enterprise accounts.</p>",
        "full_description": "<p>Own a book of enterprise accounts.</p><p><strong>Requirements"
        "</strong></p><ul><li>Fluent Greek &amp; English</li></ul><p><strong>Benefits</strong>"
        "</p><ul><li>Private health insurance</li></ul>",
    }
    posting = parse("workable", job)
    assert "Fluent Greek & English" in posting.description.text
    assert [s.kind for s in posting.description.sections] == ["other", "requirements", "benefits"]


def test_workable_api_job_salary_workplace_type_and_keywords() -> None:
    job = {
        "id": "61884e2",
        "title": "Backend Developer",
        "shortcode": "GROOV003",
        "department": "Engineering",
        "location": {
            "location_str": "Lisbon, Lisbon, Portugal",
            "country": "Portugal",
            "country_code": "PT",
            "region": "Lisbon",
            "city": "Lisbon",
            "telecommuting": False,
            "workplace_type": "hybrid",
        },
        "salary": {"salary_from": 45000, "salary_to": 60000, "salary_currency": "eur"},
        "created_at": "2026-07-01T10:15:00Z",
        "description": "<p>Build Django services.</p>",
        "requirements": "<ul><li>PostgreSQL</li></ul>",
        "benefits": "",
        "employment_type": "Full-time",
        "keywords": ["Python", "Django"],
    }
    doc = document("auto", job)
    assert [(loc["city"], loc["country"]) for loc in doc["locations"]] == [("Lisbon", "PT")]
    assert doc["workplace"] == "hybrid"
    assert doc["provenance"]["workplace"]["source_field"] == "location.workplace_type"
    assert (doc["salary"]["min"], doc["salary"]["max"], doc["salary"]["currency"]) == (
        45000,
        60000,
        "EUR",
    )
    assert doc["provenance"]["salary"]["source_field"] == "salary"
    assert {"Python", "Django"} <= {skill["name"] for skill in doc["skills"]}


def test_workable_apply_api_job_type_workplace_department_list_and_date() -> None:
    job = {
        "id": 3302211,
        "shortcode": "BCEAC9B2D1",
        "title": "Tech Talent Sourcer",
        "remote": False,
        "location": {"country": "United Kingdom", "countryCode": "GB", "city": "London"},
        "published": "2026-09-01T00:00:00.000Z",
        "type": "full",
        "department": ["People"],
        "workplace": "hybrid",
        "description": "<p>Find people.</p>",
        "requirements": "<ul><li>Sourcing.</li></ul>",
        "benefits": "",
    }
    doc = document("auto", job)
    assert doc["employment_type"] == ["FULL_TIME"]
    assert doc["workplace"] == "hybrid"
    assert doc["department"] == "People"
    assert doc["date_posted"].startswith("2026-09-01")


def test_smartrecruiters_label_in_another_language_falls_back_to_the_type_id() -> None:
    job = {
        "id": "9911",
        "name": "Store Associate",
        "company": {"identifier": "shopco", "name": "ShopCo"},
        "releasedDate": "2026-06-06T10:00:00.000Z",
        "location": {"city": "Lyon", "country": "fr", "remote": False},
        "typeOfEmployment": {"id": "part_time", "label": "Temps partiel"},
        "language": {"code": "fr"},
        "jobAd": {
            "sections": {
                "jobDescription": {
                    "title": "Description du poste",
                    "text": "<p>Accueillir les clients&nbsp;&amp; gérer la caisse.</p>",
                }
            }
        },
    }
    doc = document("smartrecruiters", job)
    assert doc["employment_type"] == ["PART_TIME"]
    assert "Accueillir les clients & gérer la caisse." in doc["description"]["text"]


def test_recruitee_offer_contract_half_of_the_code_does_not_hide_the_hours() -> None:
    offer = {
        "id": 1207782,
        "title": "Marketing Working Student",
        "company_name": "Tulip Labs",
        "location": "",
        "country": "Germany",
        "country_code": "DE",
        "remote": True,
        "employment_type_code": "parttime_fixed_term",
        "careers_url": "https://tuliplabs.recruitee.com/o/working-student",
        "description": "<p>Support our marketing team.</p>",
        "locations": [
            {"id": 1, "city": "Berlin", "country": "Germany", "state": "Berlin"},
            {"id": 2, "city": "Hamburg", "country": "Germany", "state": "Hamburg"},
        ],
    }
    doc = document("auto", offer)
    assert doc["employment_type"] == ["PART_TIME"]
    assert [loc["city"] for loc in doc["locations"]] == ["Berlin", "Hamburg"]


# JSON-LD and pages ---------------------------------------------------------------------------


def test_jsonld_entity_escaped_description_leaks_no_markup() -> None:
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Registered Nurse &amp; Care Coordinator",
        "description": "&lt;p&gt;Coordinate care for 30 patients.&lt;/p&gt;&lt;h3&gt;Requirements"
        "&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;RN license&lt;/li&gt;&lt;/ul&gt;",
        "hiringOrganization": {"@type": "Organization", "name": "Mercy Health"},
    }
    parsed = parse("jsonld", posting)
    assert parsed.title == "Registered Nurse & Care Coordinator"
    assert parsed.description.text == "Coordinate care for 30 patients.\nRequirements\nRN license"
    assert parsed.description.sections[-1].items == ["RN license"]


def test_jsonld_graph_names_the_hiring_organization_by_id() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "https://hexa.example/#org", "name": "Hexa Robotics"},
            {
                "@type": "JobPosting",
                "@id": "https://hexa.example/jobs/42#job",
                "title": "Robotics Engineer",
                "hiringOrganization": {"@id": "https://hexa.example/#org"},
                "jobLocation": {
                    "@type": "Place",
                    "address": [{"@type": "PostalAddress", "addressLocality": "Zürich"}],
                },
                "jobLocationType": ["TELECOMMUTE"],
                "description": "<p>Motion planning.</p>",
            },
        ],
    }
    parsed = parse("auto", graph)
    assert parsed.company == "Hexa Robotics"
    assert parsed.locations == ["Zürich"]
    assert parsed.workplace == "remote"
    [(_, listed)] = split_listing("jsonld", json.dumps(graph))
    assert parse("jsonld", listed).company == "Hexa Robotics"


LONG_HEAD = "<style>" + ".card{margin:0;padding:0;color:#333}\n" * 400 + "</style>"


def test_page_with_a_long_head_is_html_and_its_loose_json_ld_is_read() -> None:
    page = f"""<!DOCTYPE html>
<html lang="en"><head><title>Frontend Engineer | Pixelworks Careers</title>{LONG_HEAD}
<script type="application/ld+json">
<!--
{{"@context": "https://schema.org", "@type": "JobPosting", "title": "Frontend Engineer",
 "description": "<p>Build our design system in React.</p>
<ul><li>TypeScript</li></ul>",
 "employmentType": "FULL_TIME", "hiringOrganization": {{"name": "Pixelworks"}},
 "jobLocation": {{"@type": "Place", "address": {{"addressLocality": "Toronto",
 "addressRegion": "ON", "addressCountry": "CA"}}}}}}
-->
</script></head><body><nav><a href="/">All jobs</a></nav><h1>Frontend Engineer</h1></body></html>"""
    assert detect_format(page) == "html"
    doc = document("auto", page)
    assert doc["title"] == "Frontend Engineer"
    assert doc["company"] == {"name": "Pixelworks"}
    assert [(loc["city"], loc["country"]) for loc in doc["locations"]] == [("Toronto", "CA")]
    assert doc["employment_type"] == ["FULL_TIME"]
    assert doc["description"]["text"] == "Build our design system in React.\nTypeScript"


def test_page_text_stands_in_for_a_stub_json_ld_description_without_its_navigation() -> None:
    page = """<html><head><script type="application/ld+json">{"@context":"https://schema.org",
"@type":"JobPosting","title":"Line Cook","description":"Line Cook","employmentType":"PART_TIME",
"hiringOrganization":{"@type":"Organization","name":"Blue Fin Bistro"}}</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/menu">Menu</a></li></ul></nav>
<h1>Line Cook</h1><p>Prep and cook dinner service for a 90-seat seafood restaurant.</p>
<h3>Requirements</h3><ul><li>ServSafe certificate</li></ul></body></html>"""
    parsed = parse("html", page)
    assert parsed.company == "Blue Fin Bistro"
    assert "90-seat seafood restaurant" in parsed.description.text
    assert parsed.description.sections[-1].items == ["ServSafe certificate"]
    assert "Menu" not in parsed.description.text


# Generic objects, XML feeds -------------------------------------------------------------------


def test_generic_object_with_location_objects_remote_flag_and_escaped_text() -> None:
    payload = {
        "title": "Warehouse Supervisor",
        "company": "Northline",
        "locations": [{"city": "Rotterdam", "country": "NL"}, {"city": "Antwerp", "country": "BE"}],
        "remote": True,
        "salary": {"min": 52000, "max": 60000, "currency": "EUR"},
        "description": "&lt;p&gt;Lead a team of 20 pickers.&lt;/p&gt;",
    }
    doc = document("auto", payload)
    assert [(loc["city"], loc["country"]) for loc in doc["locations"]] == [
        ("Rotterdam", "NL"),
        ("Antwerp", "BE"),
    ]
    assert doc["workplace"] == "remote"
    assert salary_of(doc) == (52000, 60000, "EUR", "YEAR")
    assert doc["description"]["text"] == "Lead a team of 20 pickers."


def test_xml_feeds_with_a_byte_order_mark_and_a_bare_personio_position() -> None:
    indeed = (
        "\ufeff<?xml version='1.0' encoding='utf-8'?><source><job><title>Driver</title>"
        "<city>Leeds</city><country>GB</country><description>Deliver parcels.</description>"
        "</job></source>"
    )
    assert detect_format(indeed) == "indeed-xml"
    assert parse("auto", indeed).locations == ["Leeds, GB"]
    position = "<position><id>7</id><name>Cook</name><office>Vienna</office></position>"
    assert detect_format(position) == "personio"
    assert parse("auto", position).locations == ["Vienna"]


def test_a_range_without_a_stated_period_goes_on_as_the_page_shows_it() -> None:
    stated = range_hint(45000, 60000, "EUR", "year")
    assert stated is not None and (stated.min, stated.max, stated.period) == (45000, 60000, "year")
    bare = range_hint(45000, 60000, "eur")
    assert bare is not None and (bare.min, bare.raw) == (None, "EUR 45,000 - 60,000")
    hourly = range_hint(19.5, 24, "USD")
    assert hourly is not None and (hourly.min, hourly.max, hourly.period) == (19.5, 24, None)
