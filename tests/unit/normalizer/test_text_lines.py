"""Plain-text and Markdown line reading: line starts, inline marks and wrapped paragraphs."""

from services.normalizer.formats import parse
from services.normalizer.text import Line, text_to_lines


def test_markdown_line_starts_become_headings_and_items() -> None:
    text = "## What you'll do\r\n- Ship **features**\r\n* Fix `bugs`\r\n---\r\n1. Review code\r\n"
    assert text_to_lines(text) == [
        Line("What you'll do", heading=True),
        Line("Ship features", item=True),
        Line("Fix bugs", item=True),
        Line("Review code", item=True),
    ]


def test_escaped_dash_starts_no_list_and_escaped_backslash_stays() -> None:
    lines = text_to_lines("\\- not a bullet\nPath C:\\\\temp and 6\\+ years")
    assert lines == [Line("- not a bullet"), Line("Path C:\\temp and 6+ years")]


def test_heading_with_a_numbered_mark_is_still_a_heading() -> None:
    assert text_to_lines("# 2. Requirements\nPython") == [
        Line("Requirements", heading=True),
        Line("Python"),
    ]


def test_wrapped_item_and_paragraph_lines_are_joined() -> None:
    text = "- Build services that\nscale to millions\nWe offer a great team and\nflexible hours."
    assert text_to_lines(text) == [
        Line("Build services that scale to millions", item=True),
        Line("We offer a great team and flexible hours."),
    ]


def test_control_characters_in_the_text_are_not_read_as_markers() -> None:
    lines = text_to_lines("\x07Intro line\n\x06Second line")
    assert lines == [Line("Intro line"), Line("Second line")]


def test_html_page_is_parsed_once_for_title_and_text() -> None:
    page = (
        "<html><head><title>Welder</title><script>var a='<p>x</p>';</script></head>"
        "<body><h2>Requirements</h2><ul><li>MIG welding</li></ul></body></html>"
    )
    posting = parse("html", page)
    assert posting.title == "Welder"
    assert [(s.kind, s.items) for s in posting.description.sections] == [
        ("requirements", ["MIG welding"])
    ]
