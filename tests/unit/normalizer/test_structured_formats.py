"""Formats without a committed sample, on small hand-written payloads of their public shape."""

import json
from datetime import UTC, datetime

import pytest

from services.normalizer.formats import parse
from shared.errors import InvalidPayload

JOB_POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Site Reliability Engineer",
    "hiringOrganization": {"@type": "Organization", "name": "Fjord Systems"},
    "jobLocation": [
        {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Oslo",
                "addressCountry": "NO",
            },
        },
        {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Bergen",
                "addressCountry": "NO",
            },
        },
    ],
    "employmentType": ["FULL_TIME", "CONTRACTOR"],
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "NOK",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 700000,
            "maxValue": 900000,
            "unitText": "YEAR",
        },
    },
    "datePosted": "2026-03-02",
    "validThrough": "2026-04-30T23:59",
    "jobLocationType": "TELECOMMUTE",
    "skills": "Terraform, Prometheus",
    "experienceRequirements": {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 36,
    },
    "educationRequirements": {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    },
    "description": "<p>Keep our fleet healthy.</p><h3>Requirements</h3><ul><li>Linux</li>"
    "<li>On-call &amp; incident work</li></ul>",
}


def test_jsonld_job_posting_fields() -> None:
    posting = parse("jsonld", json.dumps(JOB_POSTING))
    assert posting.title == "Site Reliability Engineer"
    assert posting.company == "Fjord Systems"
    assert posting.locations == ["Oslo, NO", "Bergen, NO"]
    assert posting.country_hint == "NO"
    assert posting.employment_type == ["FULL_TIME", "CONTRACTOR"]
    assert posting.workplace == "remote"
    assert posting.salary is not None and posting.salary.min == 700000
    assert posting.salary.period == "YEAR" and posting.salary.currency == "NOK"
    assert posting.date_posted == datetime(2026, 3, 2, tzinfo=UTC)
    assert posting.valid_through == datetime(2026, 4, 30, 23, 59, tzinfo=UTC)
    assert posting.skills == ["Terraform", "Prometheus"]
    assert posting.experience == "36 months"
    assert posting.education == "bachelor degree"
    assert posting.hint_fields["salary"] == "baseSalary"
    requirements = posting.description.sections[-1]
    assert (requirements.kind, requirements.items) == (
        "requirements",
        ["Linux", "On-call & incident work"],
    )


def test_html_page_prefers_jsonld_in_graph() -> None:
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, JOB_POSTING]}
    page = (
        "<html><head><title>Careers</title><script type='application/ld+json'>{broken"
        f'</script><script type="application/ld+json">{json.dumps(graph)}</script></head>'
        "<body><h1>Other</h1></body></html>"
    )
    posting = parse("html", page, url="https://jobs.example.org/sre")
    assert posting.title == "Site Reliability Engineer"
    assert posting.url == "https://jobs.example.org/sre"


def test_html_page_without_jsonld_uses_markup() -> None:
    page = (
        "<html><body><nav>x</nav><h1>Data Analyst</h1><p>Join our <b>analytics</b> team.</p>"
        "<p><strong>Qualifikationen:</strong></p><ul><li>SQL</li><li>dbt</li></ul>"
        "<h2>Wir bieten</h2><p>Gleitzeit&nbsp;und Homeoffice</p><script>var x=1;</script>"
        "</body></html>"
    )
    posting = parse("html", page)
    assert posting.title == "Data Analyst"
    assert "var x" not in posting.description.text
    kinds = {s.heading: (s.kind, s.items) for s in posting.description.sections}
    assert kinds["Qualifikationen"] == ("requirements", ["SQL", "dbt"])
    assert kinds["Wir bieten"] == ("benefits", ["Gleitzeit und Homeoffice"])
    assert "Join our analytics team." in posting.description.text


def test_generic_object_with_salary_and_location_list() -> None:
    posting = parse(
        "generic",
        {
            "title": "Nurse",
            "company": "St. Olav",
            "location": ["Trondheim", "Oslo"],
            "description": "**Requirements**\n\n- Valid licence",
            "salary": {"min": 50, "max": 60, "currency": "EUR", "period": "hour"},
            "date_posted": "not a date",
            "employment_type": "Part-time",
        },
    )
    assert posting.locations == ["Trondheim", "Oslo"]
    assert posting.salary is not None and posting.salary.period == "hour"
    assert posting.date_posted is None
    assert posting.employment_type == ["Part-time"]
    assert posting.description.sections[0].kind == "requirements"


def test_workable_widget_job() -> None:
    job = {
        "title": "Backend Engineer",
        "shortcode": "AB12CD34",
        "telecommuting": True,
        "published_on": "2026-05-04",
        "country": "Poland",
        "city": "Kraków",
        "state": "",
        "employment_type": "Full-time",
        "department": "Engineering",
        "description": "<p><strong>About the role</strong></p><p>Build APIs.</p>",
        "requirements": "<ul><li>Kotlin</li></ul>",
    }
    posting = parse("workable", job)
    assert posting.locations == ["Kraków, Poland"]
    assert posting.workplace == "remote"
    assert posting.hint_fields["workplace"] == "telecommuting"
    assert posting.date_posted == datetime(2026, 5, 4, tzinfo=UTC)
    assert [s.kind for s in posting.description.sections] == ["summary", "requirements"]


def test_smartrecruiters_posting_detail() -> None:
    job = {
        "id": "744000",
        "name": "Test Analyst (m/f/d)",
        "releasedDate": "2026-06-01T09:30:00.000Z",
        "company": {"identifier": "Acme", "name": "Acme Labs"},
        "location": {"city": "Gdańsk", "region": "Pomeranian", "country": "pl", "remote": False},
        "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
        "department": {"label": "QA"},
        "jobAd": {
            "sections": {
                "companyDescription": {"title": "Company Description", "text": "<p>We test.</p>"},
                "jobDescription": {
                    "title": "Job Description",
                    "text": "<ul><li>Write tests</li></ul>",
                },
                "qualifications": {"title": "Qualifications", "text": "<p>ISTQB</p>"},
            }
        },
    }
    posting = parse("smartrecruiters", job)
    assert posting.company == "Acme Labs"
    assert posting.locations == ["Gdańsk, Pomeranian, pl"]
    assert posting.employment_type == ["Full-time"]
    assert posting.workplace is None
    kinds = [s.kind for s in posting.description.sections]
    assert kinds == ["about_company", "summary", "requirements"]


def test_recruitee_offer() -> None:
    offer = {
        "id": 91,
        "title": "Support Agent",
        "company_name": "Tulip BV",
        "city": "Utrecht",
        "country": "Netherlands",
        "country_code": "NL",
        "remote": False,
        "hybrid": True,
        "employment_type_code": "fulltime_permanent",
        "published_at": "2026-02-11 08:15:00 UTC",
        "description": "<p>Help customers.</p>",
        "requirements": "<ul><li>Dutch</li></ul>",
        "salary": {"min": "3000", "max": "3600", "currency": "EUR", "period": "month"},
    }
    posting = parse("recruitee", offer)
    assert posting.locations == ["Utrecht, Netherlands"]
    assert posting.workplace == "hybrid"
    assert posting.salary is not None and posting.salary.max == 3600
    assert posting.date_posted == datetime(2026, 2, 11, 8, 15, tzinfo=UTC)


PERSONIO = """<position>
  <id>42</id><subcompany>Lindwurm GmbH</subcompany><office>München</office>
  <additionalOffices><office>Berlin</office></additionalOffices>
  <department>IT</department><name>DevOps Engineer (m/w/d)</name>
  <jobDescriptions>
    <jobDescription><name>Deine Aufgaben</name>
      <value><![CDATA[<ul><li>CI pflegen</li></ul>]]></value></jobDescription>
    <jobDescription><name>Dein Profil</name>
      <value><![CDATA[<ul><li>Ansible</li></ul>]]></value></jobDescription>
  </jobDescriptions>
  <employmentType>permanent</employmentType><seniority>experienced</seniority>
  <schedule>full-time</schedule><yearsOfExperience>3-5</yearsOfExperience>
  <createdAt>2026-01-15T10:00:00+01:00</createdAt>
</position>"""


def test_personio_position() -> None:
    posting = parse("personio", PERSONIO)
    assert posting.title == "DevOps Engineer (m/w/d)"
    assert posting.company == "Lindwurm GmbH"
    assert posting.locations == ["München", "Berlin"]
    assert posting.employment_type == ["permanent", "full-time"]
    assert posting.experience == "3-5"
    assert [(s.kind, s.items) for s in posting.description.sections] == [
        ("responsibilities", ["CI pflegen"]),
        ("requirements", ["Ansible"]),
    ]


INDEED = """<job><title><![CDATA[Warehouse Associate]]></title>
<date><![CDATA[Fri, 10 Apr 2026 08:00:00 GMT]]></date><referencenumber>W-1</referencenumber>
<url>https://example.com/jobs/w-1</url><company><![CDATA[Harbor Logistics]]></company>
<city>Tacoma</city><state>WA</state><country>US</country>
<description><![CDATA[<p>Pick and pack orders.</p>]]></description>
<salary>$18 - $21 per hour</salary><jobtype>fulltime, parttime</jobtype></job>"""


def test_indeed_xml_job() -> None:
    posting = parse("indeed-xml", INDEED)
    assert posting.company == "Harbor Logistics"
    assert posting.locations == ["Tacoma, WA, US"]
    assert posting.date_posted == datetime(2026, 4, 10, 8, tzinfo=UTC)
    assert posting.salary is not None and posting.salary.raw == "$18 - $21 per hour"
    assert posting.url == "https://example.com/jobs/w-1"


def test_jobtech_english_jobsearch_hit() -> None:
    hit = {
        "id": "7",
        "headline": "Sjuksköterska",
        "employer": {"name": "Region Norr"},
        "workplace_address": {
            "municipality": "Umeå",
            "region": "Västerbottens län",
            "country": "Sverige",
        },
        "employment_type": {"label": "Vanlig anställning"},
        "must_have": {"skills": [{"label": "Akutsjukvård"}]},
        "publication_date": "2026-03-01T00:00:00",
        "description": {
            "text": "Arbetsuppgifter\nVård av patienter.\nKvalifikationer\nLegitimation."
        },
    }
    posting = parse("jobtech", hit)
    assert posting.locations == ["Umeå, Västerbottens län"]
    assert posting.country_hint == "Sverige"
    assert posting.skills == ["Akutsjukvård"]
    assert [s.kind for s in posting.description.sections] == ["responsibilities", "requirements"]


@pytest.mark.parametrize(
    ("fmt", "payload"),
    [
        ("greenhouse", "[1, 2]"),
        ("lever", "{not json"),
        ("jsonld", {"@type": "Organization", "name": "x"}),
        ("personio", "<position><unclosed></position>"),
        ("indeed-xml", "<source></source>"),
        ("generic", {"company": "Nobody"}),
    ],
)
def test_unusable_payloads_name_the_problem(fmt: str, payload: object) -> None:
    with pytest.raises(InvalidPayload) as error:
        parse(fmt, payload)
    assert str(error.value)
