"""Stories: corpus-level grouping of articles into events, stories and timelines.

Pure library code over plain records, one article at a time (find, then apply)::

    f = ArticleFeatures.from_analysed(analysed)          # clean text, sentences, mentions, timexes, quotes
    event = extract_event(f, canonical=...)              # events.py: date, place, participants, kind, summary
    dup = dedup.add(f.id, f.text, outlet=f.outlet)       # dedup.py: MinHash LSH near-duplicates
    if dup.is_copy:
        index.add_copy(f.id, dup.original_id)
    else:
        index.add(f.id, event, text_features(f))         # cluster.py: joins a story or starts one
    quotes.add(Occurrence.from_quote(q, ...))            # quotes.py: one statement, many reports
    timeline(records, quotes.groups.values(), person="Duda")   # timeline.py
    build_timeline(store, person="Duda")                 # query.py: the same from a store, with key quotes
    statements(store, speaker="Duda")                    # query.py: what they said, each with its reports

:class:`StoryPipeline` runs the corpus part (dedup, then clustering) for one article.
See docs/stories.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.stories.cluster import StoryIndex
from storyline.stories.index_types import Assignment, StoryParams, TextFeatures, text_features
from storyline.stories.dedup import Deduplicator, DedupResult
from storyline.stories.events import ArticleFeatures, Canonical, Event, Evidence, Participant, extract_event
from storyline.stories.query import UnknownStoryError, build_timeline, statement_row, statements, timeline_row
from storyline.stories.quotes import Occurrence, QuoteAggregator, QuoteGroup, aggregate
from storyline.stories.timeline import (ArticleRecord, FactSource, TimelineEvent, select_dates, story_events,
                                        story_rows, timeline)

__all__ = [
    "ArticleFeatures", "ArticleRecord", "Assignment", "Canonical", "DedupResult", "Deduplicator", "Event", "Evidence",
    "FactSource", "Occurrence", "Participant", "QuoteAggregator", "QuoteGroup", "StoryIndex", "StoryParams",
    "StoryPipeline", "TextFeatures", "TimelineEvent", "UnknownStoryError", "aggregate", "build_timeline", "extract_event",
    "select_dates", "statement_row", "statements", "story_events", "story_rows", "text_features", "timeline",
    "timeline_row",
]


@dataclass(slots=True)
class StoryPipeline:
    """The corpus stage for one article at a time: fold duplicates, then file into a story."""

    index: StoryIndex = field(default_factory=StoryIndex)
    dedup: Deduplicator = field(default_factory=Deduplicator)

    def add(self, f: ArticleFeatures, event: Event | None = None, *, canonical: Canonical | None = None
            ) -> tuple[str, DedupResult]:
        """``(story id, dedup result)`` of one article; its event is extracted when not given."""
        dup = self.dedup.add(f.id, f.text, outlet=f.outlet, published=f.published)
        if dup.is_copy:
            return self.index.add_copy(f.id, dup.original_id), dup
        event = event or extract_event(f, canonical=canonical)
        return self.index.add(f.id, event, text_features(f, canonical=canonical)).story_id, dup
