import re

from services.enricher.textscan import held, lines_with, register, word_search

PAY = register(("salary", "$"))
HOURS = register(("full-time", "part-time"))
TEXT = "About us\nSalary: $50,000\nThis is a Full-Time role\nBenefits"


def test_each_trigger_set_gets_its_own_lines_from_one_scan() -> None:
    assert lines_with(TEXT, PAY) == "Salary: $50,000"
    assert lines_with(TEXT, HOURS) == "This is a Full-Time role"
    assert lines_with(TEXT, ("benefit",)) == "Benefits"  # a set first seen here still works


def test_text_that_changes_length_when_lowered() -> None:
    text = "İstanbul office\nSalary: $40,000"
    assert lines_with(text, PAY) == "Salary: $40,000"


def test_word_search_needs_a_word_start() -> None:
    pattern = re.compile(r"remote")
    assert word_search(pattern, "a remote role") is not None
    assert word_search(pattern, "unremote things") is None
    assert word_search(pattern, "unremote then remote", 0) is not None


def test_lines_after_non_ascii_text() -> None:
    remote = register(("remote", "удален"))
    text = "Lön: 40 000 kr i månaden\nГибрид или удаленно\nÅrhus\nFully remote — välkommen"
    assert lines_with(text, remote) == "Гибрид или удаленно\nFully remote — välkommen"
    assert lines_with(text, PAY) == ""


def test_held_names_the_gate_words_a_text_contains_in_one_pass() -> None:
    words = ("year", "yr", "exp", "experience", "опыт")
    assert held("5+ yrs of experience; опыт работы", words) == {"yr", "exp", "experience", "опыт"}
    assert held("no digits or gates here", words) == set()
    assert held("", words) == set()
