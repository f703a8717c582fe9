"""Offsets between a clean text and the raw text it was cut from.

Cleaning only drops whole lines or parts of lines and inserts spaces (glue
repair). An :class:`OffsetMap` records that as sorted ``(clean_start, raw_start)``
anchors: from each anchor on, characters correspond one to one until the next
anchor. An inserted character gets an anchor of its own pointing at the raw
character that follows it, so every clean offset maps to a raw offset.
"""

from __future__ import annotations

from bisect import bisect_right


class TextBuilder:
    """Builds a clean text piece by piece while keeping the anchors."""

    __slots__ = ("_parts", "_anchors", "_length")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._anchors: list[tuple[int, int]] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, raw_text: str, raw_start: int, raw_end: int) -> None:
        """Append ``raw_text[raw_start:raw_end]`` unchanged."""
        if raw_end <= raw_start:
            return
        self._anchor(raw_start)
        self._parts.append(raw_text[raw_start:raw_end])
        self._length += raw_end - raw_start

    def insert(self, text: str, raw_at: int) -> None:
        """Append characters that have no raw counterpart; they map to ``raw_at``."""
        for ch in text:
            self._anchors.append((self._length, raw_at))
            self._parts.append(ch)
            self._length += 1
        # the next copied character needs a fresh anchor
        self._anchors.append((self._length, -1))

    def aligned(self, raw_line: str, clean_line: str, raw_start: int) -> None:
        """Append ``clean_line``, which is ``raw_line`` with some spaces inserted or
        some whitespace removed, aligning the two with a linear walk."""
        i = j = 0
        run_start = None
        while j < len(clean_line):
            if i < len(raw_line) and raw_line[i] == clean_line[j]:
                if run_start is None:
                    run_start = i
                i += 1
                j += 1
                continue
            if run_start is not None:
                self._copy_offset(raw_line, run_start, i, raw_start)
                run_start = None
            if clean_line[j].isspace() and (i >= len(raw_line) or not raw_line[i].isspace()):
                self.insert(clean_line[j], raw_start + i)
                j += 1
            elif i < len(raw_line):
                i += 1  # a raw character the clean line dropped
            else:
                self.insert(clean_line[j], raw_start + i)
                j += 1
        if run_start is not None:
            self._copy_offset(raw_line, run_start, i, raw_start)

    def _copy_offset(self, raw_line: str, start: int, end: int, raw_base: int) -> None:
        self._anchor(raw_base + start)
        self._parts.append(raw_line[start:end])
        self._length += end - start

    def _anchor(self, raw_pos: int) -> None:
        if self._anchors:
            clean_last, raw_last = self._anchors[-1]
            if raw_last == -1:
                self._anchors[-1] = (clean_last, raw_pos)
                return
            if raw_last + (self._length - clean_last) == raw_pos:
                return  # continues the current run
        self._anchors.append((self._length, raw_pos))

    def build(self) -> tuple[str, list[tuple[int, int]]]:
        anchors = [(c, r) for c, r in self._anchors if r != -1]
        return "".join(self._parts), anchors


class OffsetMap:
    """Maps clean-text offsets back to raw-text offsets."""

    __slots__ = ("_clean", "_raw")

    def __init__(self, anchors: list[tuple[int, int]] | list[list[int]]) -> None:
        self._clean = [int(a[0]) for a in anchors]
        self._raw = [int(a[1]) for a in anchors]

    def to_raw(self, clean_offset: int) -> int:
        """Raw offset of the clean character at ``clean_offset`` (an end offset maps
        to one past the raw character before it, see :meth:`span_to_raw`)."""
        if not self._clean:
            return clean_offset
        k = bisect_right(self._clean, clean_offset) - 1
        if k < 0:
            return self._raw[0]
        return self._raw[k] + (clean_offset - self._clean[k])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean span ``[start, end)``."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1
