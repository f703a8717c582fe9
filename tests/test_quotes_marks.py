"""Quote-mark scanning: every style, unbalanced, mismatched, nested and glued marks (no model needed)."""

from __future__ import annotations

import pytest

from storyline.quotes.marks import in_quotes, scan


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are ready,” she said.", ["We are ready,"]),
        ('"We are ready," she said.', ["We are ready,"]),
        ("‘We are ready,’ she said.", ["We are ready,"]),
        ("'We are ready,' she said.", ["We are ready,"]),
        ("«Nous sommes prêts», a-t-il dit.", ["Nous sommes prêts"]),
        ("„Wir sind bereit“, sagte sie.", ["Wir sind bereit"]),
        ("‚Klein‘ und fein.", ["Klein"]),
        # glued to the next word: the closing mark still closes
        ("“The harbour is closed.”declared the mayor.", ["The harbour is closed."]),
        ("from “Oslo or Bergen”after the vote", ["Oslo or Bergen"]),
        # a reversed opening mark between spaces opens
        ("closer ” to its proper place” in the union", [" to its proper place"]),
        # unbalanced: an unclosed quote runs to the end of its paragraph, never further
        ('He said "we will win and left.\nNext paragraph.', ["we will win and left."]),
        # a second opener of the same style ends the unclosed first one
        ("“One thing. “Another thing,” he said.", ["One thing.", "Another thing,"]),
        # nesting: a curly quote inside a straight one stays inside
        ('"Read it: “We will go.” Then stop," he said.', ["Read it: “We will go.” Then stop,"]),
        ("“He called it ‘a farce’ today,” she said.", ["He called it ‘a farce’ today,"]),
        # apostrophes are not quotes
        ("The mayor’s office didn’t say, and the ’90s are over.", []),
        ("The mayor's 'golden age' ended.", ["golden age"]),
        ("No quotes at all.", []),
        # a spaced mark then a few words in lower case closes a quote an earlier paragraph opened
        ('The harbour will stay open to every ferry , " he said.', []),
        ('We have seen the ramp fail twice. " the mayor added on Monday.', []),
        # ... while one before the quotation's own words opens it
        ('Lepik said , " We will not give up the harbour.', [" We will not give up the harbour."]),
        ('Lepik said , " we will not give up " and left.', [" we will not give up "]),
    ],
)
def test_scan(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quote_running_over_paragraphs_is_linked() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph,” the mayor said."
    spans = scan(text)
    assert [text[s.start:s.end] for s in spans] == ["First paragraph of the speech.", "Second paragraph,"]
    assert spans[0].continues and spans[1].continued and not spans[0].closed


def test_closing_marks_without_openers_never_fail() -> None:
    text = "He left.” Then ” again ”\n“And an opener with no end"
    assert quoted(text)[-1] == "And an opener with no end"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''MacGyver is a name,'' he said. ''It sells.''", ["MacGyver is a name,", "It sells."]),
        ("``We will win,'' she said.", ["We will win,"]),
        ("It isn''t a quote and don't split it", []),
    ],
)
def test_typewriter_pairs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("the port stays open", "“the port stays open”"),
        ("“the port stays open”", "“the port stays open”"),  # one quotation already: no second pair
        ("„der Hafen bleibt offen“", "„der Hafen bleibt offen“"),
        ("«le port reste ouvert»", "«le port reste ouvert»"),
        ('"the port stays open"', '"the port stays open"'),
        ("“the port stays op…", "“the port stays op…”"),  # cut short: closed
        ("“open” and “safe”", "““open” and “safe””"),  # two quotations: wrapped as a whole
        ("it calls the port “safe” now", "“it calls the port “safe” now”"),
        ("", "“”"),
    ],
)
def test_a_quotation_is_shown_between_one_pair_of_marks(text: str, shown: str) -> None:
    assert in_quotes(text) == shown
