"""Title Case headlines: which lines count, and which of their person spans the article confirms."""

from __future__ import annotations

import pytest

from storyline.entities.headline import confirm_headline_people, title_case_lines
from storyline.records import Mention


@pytest.mark.parametrize(("line", "title_case"), [
    ("Lindsay Lohan Checks Out Of Rehab", True),
    ("Orbix Buys Telmara, Enters Chip Design Market", True),
    ("COLTS BEAT CHIEFS TO CLINCH PLAYOFF BERTH", True),
    ("Lohan checks out of rehab after two weeks", False),
    ("NATO Secretary General Jens Stoltenberg said on Tuesday", False),
    ("Jens Stoltenberg", False),  # a name alone, a byline: too short to tell
    ("By Dana Kessler and Ola Brenna", False),
    ("", False),
])
def test_title_case_lines(line: str, title_case: bool) -> None:
    assert (title_case_lines(line) == [(0, len(line))]) is title_case


def test_title_case_lines_give_offsets_of_each_line() -> None:
    text = "Short line\nLindsay Lohan Checks Out Of Rehab\nThe actress left the clinic on Friday."
    (start, end), = title_case_lines(text)
    assert text[start:end] == "Lindsay Lohan Checks Out Of Rehab"


def _span(text: str, surface: str, after: int = 0) -> Mention:
    """A PERSON mention of the first ``surface`` at or after ``after``."""
    start = text.index(surface, after)
    return Mention(start, start + len(surface), surface, "PERSON")


BODY = ("\n\nThe actress left a clinic in the desert on Friday and moved to another one near the coast, "
        "her lawyer said in a statement.")


@pytest.mark.parametrize(("headline", "span", "body_people", "want"), [
    ("Lindsay Lohan Checks Out Of Rehab", "Lindsay Lohan Checks Out", ["Lindsay Lohan"], ["Lindsay Lohan"]),
    # the surname confirmed in the body, the known first name before it kept
    ("Jens Stoltenberg Warns Moscow Over Drills", "Jens Stoltenberg Warns", ["Stoltenberg"], ["Jens Stoltenberg"]),
    # two confirmed people in one span
    ("Obama Administration Flips Bush Species Ruling", "Obama Administration Flips Bush", ["Obama", "Bush"],
     ["Obama", "Bush"]),
    ("Colts Beat Chiefs To Clinch Playoff Berth", "Colts Beat Chiefs", ["Andrew Luck"], []),
    # confirmed as it stands: unchanged
    ("Andrew Luck Leads Colts Past Chiefs Again", "Andrew Luck", ["Andrew Luck"], ["Andrew Luck"]),
])
def test_headline_people_cut_to_confirmed_names(headline: str, span: str, body_people: list[str],
                                                want: list[str]) -> None:
    text = headline + BODY + " " + " ".join(f"{p} spoke." for p in body_people)
    ms = [_span(text, span)] + [_span(text, p, after=len(headline)) for p in body_people]
    out = confirm_headline_people(text, ms, first_names={"Jens", "Lindsay"}).mentions
    in_headline = [m.text for m in out if m.end <= len(headline)]
    assert in_headline == want
    for m in out:
        assert text[m.start:m.end] == m.text


def test_headline_people_report_what_they_changed() -> None:
    text = "Colts Beat Chiefs To Clinch Playoff Berth" + BODY
    span = _span(text, "Colts Beat Chiefs")
    found = confirm_headline_people(text, [span])
    assert found.mentions == [] and found.changes == [(span, [])] and found.unconfirmed == []


def test_headline_only_people_are_kept_but_reported_unconfirmed() -> None:
    text = "Colts Beat Chiefs To Clinch Playoff Berth"  # no running text: nothing to check the span against
    span = _span(text, "Colts Beat Chiefs")
    found = confirm_headline_people(text, [span])
    assert found.mentions == [span] and found.changes == [] and found.unconfirmed == [span]


def test_spans_outside_title_case_lines_are_untouched() -> None:
    text = "Lohan checks out of rehab after two weeks" + BODY
    ms = [_span(text, "Lohan")]
    found = confirm_headline_people(text, ms)
    assert (found.mentions, found.changes, found.unconfirmed) == (ms, [], [])
