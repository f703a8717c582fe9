"""Offsets from clean text back to the raw text survive dropped lines and inserted spaces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.textmap import OffsetMap, TextBuilder


def _build(raw: str, edits: dict[int, str]) -> tuple[str, OffsetMap]:
    """Keep lines whose number is in ``edits`` (mapped to their clean form)."""
    builder = TextBuilder()
    pos = 0
    for i, line in enumerate(raw.split("\n")):
        if i in edits:
            if len(builder):
                builder.insert("\n\n", pos)
            builder.aligned(line, edits[i], pos)
        pos += len(line) + 1
    text, anchors = builder.build()
    return text, OffsetMap(anchors)


def test_spans_map_back_through_drops_and_inserts() -> None:
    raw = "Share\nThe envoy Kowalczykwarned of “risks”after talks.\nLeave A Reply\nLast  line here."
    text, omap = _build(raw, {1: "The envoy Kowalczyk warned of “risks” after talks.", 3: "Last line here."})
    assert text == "The envoy Kowalczyk warned of “risks” after talks.\n\nLast line here."
    for word in ("Kowalczyk", "warned", "risks", "after", "Last", "line here"):
        start = text.index(word)
        raw_start, raw_end = omap.span_to_raw(start, start + len(word))
        assert raw[raw_start:raw_end] == word


def test_unchanged_text_maps_to_itself() -> None:
    raw = "One line.\nTwo lines."
    text, omap = _build(raw, {0: "One line.", 1: "Two lines."})
    assert omap.to_raw(text.index("Two")) == raw.index("Two")


@given(st.lists(st.text(alphabet="abcXYZ ”.", min_size=1, max_size=30), min_size=1, max_size=6),
       st.data())
def test_every_kept_character_maps_to_itself(lines: list[str], data: st.DataObject) -> None:
    # insert spaces at random places: every non-inserted character must map to an equal raw character
    raw = "\n".join(lines)
    edits = {}
    for i, line in enumerate(lines):
        cuts = sorted(data.draw(st.sets(st.integers(0, len(line)), max_size=3)))
        pieces, last = [], 0
        for c in cuts:
            pieces.append(line[last:c])
            last = c
        pieces.append(line[last:])
        edits[i] = " ".join(pieces)
    text, omap = _build(raw, edits)
    for i, ch in enumerate(text):
        if ch not in " \n":
            assert raw[omap.to_raw(i)] == ch
