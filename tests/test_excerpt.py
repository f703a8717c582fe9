"""The words shown around a quote: its sentence, cut between words, never past its paragraph."""

from __future__ import annotations

import pytest

from storyline.excerpt import excerpt, sentence_around

LONG = ("Harbour officials in Kivi spent the whole of a long and windy morning counting the cranes, the piers "
        "and the boats that still need repairs after the storm, and then Lepik said the work “will take "
        "a year” at least, because the yard has too few welders and the winter is coming soon.")
QUOTE = LONG.index("“will")
QUOTE_END = LONG.index("”") + 1


@pytest.mark.parametrize(("text", "start", "end", "sentence", "want"), [
    # a short sentence is shown whole: nothing changes
    ("Berg spoke. Lepik said “yes” today. Then rain.", 23, 28, (12, 35), "Lepik said “yes” today."),
    # no sentence known: the quote alone, within its paragraph
    ("Lepik said “yes”.", 11, 16, (None, None), "“yes”"),
    # a long sentence is cut between words on both sides
    (LONG, QUOTE, QUOTE_END, (0, len(LONG)),
     "…need repairs after the storm, and then Lepik said the work “will take a year” at least, because the yard"
     " has too few welders and the…"),
    # a headline glued to the sentence is not context
    ("Cranes ready\n\nLepik said “yes”.", 25, 30, (0, 31), "Lepik said “yes”."),
])
def test_excerpt_text(text: str, start: int, end: int, sentence: tuple, want: str) -> None:
    assert excerpt(text, start, end, sentence=sentence, chars=60).text == want


def test_excerpt_pieces_point_at_the_quoted_words() -> None:
    text = "“We are ready,” Lepik said. “The cranes work.”"
    pieces = [(0, 15), (28, 46)]
    cut = excerpt(text, 0, 46, sentence=(0, 46), pieces=pieces)
    assert [cut.text[s:e] for s, e in cut.pieces] == ["“We are ready,”", "“The cranes work.”"]
    cut = excerpt(LONG, QUOTE, QUOTE_END, sentence=(0, len(LONG)), chars=20)
    assert [cut.text[s:e] for s, e in cut.pieces] == ["“will take a year”"]
    assert cut.text.startswith("…") and cut.text.endswith("…")


def test_sentence_around() -> None:
    sentences = [(0, 10), (11, 30), (31, 50)]
    assert sentence_around(sentences, 12, 20) == (11, 30)
    assert sentence_around(sentences, 5, 35) == (0, 50)
    assert sentence_around(sentences, 60, 70) == (None, None)
