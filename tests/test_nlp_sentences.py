"""Sentences at ingest: the model's sentences, cut at line breaks (a title or a paragraph always ends one)."""

from __future__ import annotations

import pytest

from storyline.nlp import split_at_breaks


@pytest.mark.parametrize(("text", "span", "pieces"), [
    # a title and the first paragraph the model ran together
    ("Stoltenberg meets Duda\n\nThe two leaders met on Thursday.", None,
     ["Stoltenberg meets Duda", "The two leaders met on Thursday."]),
    # nothing to cut: one sentence stays one, without its trailing blank line
    ("The two leaders met on Thursday.\n\n", None, ["The two leaders met on Thursday."]),
    # blank and whitespace-only lines give no sentence
    ("One.\n  \n\nTwo.", None, ["One.", "Two."]),
    # only the model's span is cut, never beyond it
    ("Title\n\nFirst sentence. Second one.", (7, 22), ["First sentence."]),
    ("", None, []),
])
def test_split_at_breaks(text: str, span: tuple[int, int] | None, pieces: list[str]) -> None:
    start, end = span or (0, len(text))
    got = split_at_breaks(text, start, end)
    assert [text[s.start:s.end] for s in got] == pieces
    assert all(start <= s.start < s.end <= end for s in got)
