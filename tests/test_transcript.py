"""Transcript turns ("LEPIK: …") as direct quotations, on transcripts written for these tests."""

from __future__ import annotations

import pytest

from storyline.quotes.transcript import turns
from storyline.records import Mention

from test_quotes import quotes_of

INTERVIEW = """Lepik on the harbour: the interview

Minister Anna Lepik spoke to Jaan Tamm of Vestra Radio on Tuesday. The transcript follows.

TAMM: Minister, will the harbour reopen in May?

LEPIK: I think it will. The engineers are working on the cracks every day.

(CROSSTALK)

And the ferries will come back when the quay is ready.

TAMM: What about the fishermen?

LEPIK: They will get their pier. We have promised it and we will build it.

The interview was recorded in Vestra."""

PRESS = """Press conference by Minister Anna Lepik after the harbour council

Anna Lepik (Minister of the Sea): Thank you all. Today the council agreed to rebuild the northern quay.

The works will begin in May and end before the winter storms.

Question: Minister, who will pay for the pier?

Anna Lepik (Minister of the Sea): The state will pay for the pier, and the city for the road.
"""


def _people(text: str, *names: str) -> list[Mention]:
    out = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            out.append(Mention(at, at + len(name), name, "PERSON"))
            at = text.find(name, at + 1)
    return out


def _said(text: str) -> list[tuple[str, list[str]]]:
    found = turns(text, _people(text, "Anna Lepik", "Jaan Tamm", "Tomas Berg"))
    return [(text[t.label_start:t.label_end], [text[s:e] for s, e in t.pieces]) for t in found if not t.unnamed]


def test_turns_in_capitals_take_the_paragraphs_up_to_the_next_turn() -> None:
    said = _said(INTERVIEW)
    assert [label for label, _ in said] == ["TAMM", "LEPIK", "TAMM", "LEPIK"]
    # the stage direction is left out; the paragraph after it is still Lepik's
    assert said[1][1] == ["I think it will. The engineers are working on the cracks every day.",
                          "And the ferries will come back when the quay is ready."]
    # after the last turn the article's own text resumes
    assert said[3][1] == ["They will get their pier. We have promised it and we will build it."]


def test_a_short_turn_ends_the_turn_before_it() -> None:
    text = "Harbour talk\n\nTAMM: Will the harbour reopen in May?\n\nLEPIK: Yes.\n\nTAMM: And when will the ferries come?\n"
    assert _said(text) == [("TAMM", ["Will the harbour reopen in May?"]), ("TAMM", ["And when will the ferries come?"])]


def test_turns_in_ordinary_capitals_need_a_person_and_a_second_turn() -> None:
    said = _said(PRESS)
    assert [label for label, _ in said] == ["Anna Lepik", "Anna Lepik"]  # the role in brackets is not the name
    assert said[0][1][-1] == "The works will begin in May and end before the winter storms."
    one = "Harbour news\n\nAnna Lepik: the quay will be rebuilt in May, the council decided.\n"
    assert _said(one) == []  # one line with a name and a colon: maybe a heading, no transcript


@pytest.mark.parametrize("text", [
    # page furniture, a listing about people, a headline
    "Harbour news\n\nUPDATE: The council meets again on Friday.\n\nREAD MORE: Ferries return to Vestra.\n",
    "Where they stand\n\nAnna Lepik: Pensions. Minister Lepik promises a higher pension.\n\n"
    "Tomas Berg: Roads. Mayor Berg wants a new road to the harbour.\n",
    "LEPIK: The quay will be rebuilt by May\n\nThe minister announced the works on Tuesday.\n",  # the headline
    "Harbour news\n\nANNA LEPIK: THE QUAY WILL BE REBUILT\n\nThe minister announced the works on Tuesday.\n",
    "What each needs tonight\n\nAnna Lepik: Keep the lead in the north.\n\nTomas Berg: Win the coast back.\n",
    "Delegates so far\n\nAnna Lepik: 1,501.\n\nTomas Berg: 547.\n",
    "Briefing\n\nUN: HARBOUR MONITORS RECALLED “The mission will end in May,” the agency said.\n",
    "Harbour news\n\nSTAT OF THE WEEK: three ferries a day will sail from May.\n",
    "Harbour news\n\nQ: Will the harbour reopen?\n\nQ: And the ferries, when will they come back?\n",
    # a site's rubrics: an update marker, a call for readers' comments, a clip marker
    "Harbour news\n\nNEW: The ferries sail again from Vestra.\n\nNEW: Two more cranes arrive on Friday.\n",
    "Readers on the harbour\n\nYOUR TURN: Tell us what you think of the quay.\n\nYOUR TURN: Post below.\n",
])
def test_lines_that_are_no_transcript_turns(text: str) -> None:
    assert _said(text) == []


@pytest.mark.slow
def test_a_transcripts_turns_are_direct_quotations_of_the_people_named() -> None:
    quotes = quotes_of(INTERVIEW)
    assert [(q.kind, q.speaker, q.speaker_mention) for q in quotes] == [
        ("direct", "Jaan Tamm", "TAMM"), ("direct", "Anna Lepik", "LEPIK"),
        ("direct", "Jaan Tamm", "TAMM"), ("direct", "Anna Lepik", "LEPIK")]
    assert quotes[1].text.endswith("when the quay is ready.")
    assert all("(CROSSTALK)" not in q.text for q in quotes)
    press = quotes_of(PRESS)
    assert [(q.speaker, q.text[:9]) for q in press] == [("Anna Lepik", "Thank you"), ("Anna Lepik", "The state")]


BROADCAST = """Harbour hour

TAMM: Good evening. Our reporter is at the quay.

MARI KASK, VESTRA RADIO CORRESPONDENT: The cranes stopped an hour ago, and the workers are leaving.

TAMM: Mari, one question.

Are the ferries still running -- KASK: Jaan, they are not.

UNIDENTIFIED MALE: We want our pier back!

TAMM: Strong words there from the quay.

(BEGIN VIDEO CLIP) ANNA LEPIK, MINISTER, "SEA WEEK": The quay will be rebuilt... TAMM: By when?
"""


def test_a_broadcast_transcripts_roles_cut_ins_and_unnamed_voices() -> None:
    said = _said(BROADCAST)
    assert said == [
        ("TAMM", ["Good evening. Our reporter is at the quay."]),
        # the role after the comma is not the name
        ("MARI KASK", ["The cranes stopped an hour ago, and the workers are leaving."]),
        # the words before a speaker who cuts in are still the first speaker's
        ("TAMM", ["Mari, one question.", "Are the ferries still running"]),
        ("KASK", ["Jaan, they are not."]),
        # an unnamed voice ends Kask's turn and quotes no one
        ("TAMM", ["Strong words there from the quay."]),
        # a stage direction before the label, a programme named in the role, a cut-in after an ellipsis
        ("ANNA LEPIK", ["The quay will be rebuilt"]),
    ]


@pytest.mark.parametrize("text", [
    # a dash before a word in capitals and a colon, with no turn of that label: no cut-in
    "Harbour hour\n\nTAMM: Good evening -- NOTE: the quay is closed.\n\nLEPIK: It is.\n",
    # a role after a comma in ordinary capitals is no broadcaster's label
    "Harbour news\n\nMARI KASK, correspondent in Vestra: cranes stopped.\n",
])
def test_no_cut_in_or_role_label_where_there_is_none(text: str) -> None:
    labels = [label for label, _ in _said(text)]
    assert "NOTE" not in labels and "MARI KASK" not in labels


@pytest.mark.slow
def test_a_broadcasters_full_name_in_capitals_names_their_later_turns() -> None:
    quotes = quotes_of(BROADCAST)
    assert [(q.speaker, q.speaker_mention) for q in quotes if "KASK" in (q.speaker_mention or "")] == [
        ("Mari Kask", "MARI KASK"), ("Mari Kask", "KASK")]
    assert not any("pier back" in q.text for q in quotes)  # the unnamed voice quotes no one
