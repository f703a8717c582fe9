"""The stories stage of ingest: one :class:`StoryPipeline` for the corpus, resumed from the store.

The single writer calls :meth:`StoryStage.add` for every new analysed article of a batch (after
the entities stage, so participants are keyed by canonical entity ids), then saves
:meth:`StoryStage.changes` in the batch's transaction (``Store.save_batch(stories=...)``). An
article already filed is left alone: re-ingesting adds nothing. Every quotation of a batch is
filed into its statement as well (:class:`~storyline.stories.quotes.QuoteAggregator`, resumed from
the store by :class:`~storyline.store.statements.StoredStatements`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from storyline.records import PLACE_LABELS, AnalysedArticle, Mention
from storyline.store.statements import PREFIX, StoredStatements, statement_rows
from storyline.stories import ArticleFeatures, ArticleRecord, Deduplicator, StoryIndex, StoryPipeline, extract_event
from storyline.stories.dedup import exact_key
from storyline.stories.events import default_canonical
from storyline.stories.quotes import Occurrence, QuoteAggregator
from storyline.stories.terms import DocumentFrequencies, entity_key
from storyline.stories.timeline import story_rows, written_names

if TYPE_CHECKING:
    from storyline.store import Store


def canonical(mention: Mention) -> str | None:
    """Participants are keyed by the entity the entities stage linked, else by name."""
    return default_canonical(mention)


class _TrackedFrequencies(DocumentFrequencies):
    """Document frequencies that remember which terms changed (to save only those)."""

    def add(self, terms: Iterable[str], priors: dict[str, float]) -> None:
        terms = list(terms)
        super().add(terms, priors)
        dirty: set[str] = self.__dict__.setdefault("dirty", set())
        dirty.update(terms)
        dirty.update(priors)


def _tracked(index: StoryIndex) -> StoryIndex:
    d = index.dfs
    index.dfs = _TrackedFrequencies(docs=d.docs, df=d.df, prior=d.prior)
    return index


class StoryStage:
    """Dedup + clustering over the corpus; collects what a batch changed."""

    def __init__(self, pipeline: StoryPipeline | None = None, statements: QuoteAggregator | None = None) -> None:
        self.pipeline = pipeline or StoryPipeline()
        self.statements = statements or QuoteAggregator(prefix=PREFIX)
        _tracked(self.pipeline.index)
        self._reset()

    @classmethod
    def from_store(cls, store: Store) -> StoryStage:
        state = store.story_state()
        pipe = StoryPipeline()
        if state.get("index"):
            pipe.index = StoryIndex.from_rows(state["index"])
        if state.get("dedup"):
            pipe.dedup = Deduplicator.from_rows(state["dedup"])
        return cls(pipe, StoredStatements(store.db))

    def _reset(self) -> None:
        self._members: list[tuple[str, str]] = []
        self._events: list[dict[str, Any]] = []
        self._duplicates: list[dict[str, Any]] = []
        self._records: list[ArticleRecord] = []
        self._touched: set[str] = set()
        self._dedup: list[dict[str, Any]] = []
        self._place_mentions: list[Mention] = []  #: the batch's, to name a split's place (StoryChange.named)

    def add(self, analysed: AnalysedArticle) -> str | None:
        """File one article and its quotations; returns its story id (None when it was filed before)."""
        a = analysed.article
        # a copy's quotations too: each report of a statement counts. A headline quotes a part of
        # what the body quotes in full: filed after the body, it finds the statement in the body's words
        for q in sorted(analysed.quotes, key=lambda q: q.kind == "headline"):
            self.statements.add(Occurrence.from_quote(q, published=a.published, outlet=a.outlet))
        if self.pipeline.index.story_of(a.id) is not None:
            return None
        f = ArticleFeatures.from_analysed(analysed, analysed.timexes or None)
        event = extract_event(f, canonical=canonical)
        self._place_mentions += [m for m in f.mentions if m.label in PLACE_LABELS]
        story_id, dup = self.pipeline.add(f, event, canonical=canonical)
        self._members.append((story_id, a.id))
        self._touched.add(story_id)
        self._dedup.append(self.pipeline.dedup.row(a.id, exact_key=None if dup.is_copy else exact_key(f.text)))
        if dup.is_copy:
            self._duplicates.append({"article_id": a.id, "copy_of": dup.original_id, "outlet": a.outlet})
        else:
            self._events.append({
                "id": a.id, "story_id": story_id, "article_id": a.id, "date": event.date,
                "date_source": event.date_source, "place": event.place, "venue": event.venue,
                "participants": [{"key": p.key, "name": p.name, "label": p.label, "took_part": p.took_part}
                                 for p in event.participants],
                "main": list(event.main), "kind": event.kind, "summary": event.summary,
                "evidence": [{"field": e.field, "start": e.start, "end": e.end, "text": e.text}
                             for e in event.evidence]})
            self._records.append(ArticleRecord(a.id, story_id, event, a.title, a.outlet, a.published,
                                               estimate=a.published_estimate))
        return story_id

    def changes(self, store: Store | None = None) -> dict[str, Any] | None:
        """What was filed since the last call (None when nothing), as ``save_stories`` rows; the
        touched stories' rows are recomputed from their stored and new events; ``statements``: the
        quotations filed (:func:`~storyline.store.statements.statement_rows`)."""
        statements = self._statement_rows()
        if not self._members:
            return {"statements": statements} if statements else None
        index = self.pipeline.index
        resolve = index.resolve
        # a short text can merge two stories (StoryIndex._merge_nearest): the store folds the
        # merged story's rows into the one it went into; a story that turns out to hold two
        # events splits (StoryIndex._split_if_two): the store moves the articles that left it.
        # Everything here uses the articles' stories as they are now.
        merges = index.take_merges()
        moves = index.take_moves()
        log = index.take_log()
        now = index.story_of
        split = {resolve(old) for _, old in moves} | {sid for a, _ in moves if (sid := now(a))}
        touched = sorted({resolve(s) for s in self._touched} | {resolve(into) for _, into in merges} | split)
        folded = sorted({old for old, _ in merges})
        records = list(store.story_records(touched + folded)) if store is not None else []
        known = {r.article_id for r in records}
        records += [r for r in self._records if r.article_id not in known]
        for r in records:
            r.story_id = now(r.article_id) or resolve(r.story_id)
        for e in self._events:
            e["story_id"] = now(e["article_id"]) or resolve(e["story_id"])
        rows = {r["id"]: r for r in story_rows(records)}
        # keyed only when a split needs a name: splits are rare, place mentions many
        names = written_names(records, (("place:" + k, m.text) for m in self._place_mentions
                                        if (k := entity_key(m.text)))) if any(c.about for c in log) else {}
        stories = []
        for sid in touched:
            story = index.stories[sid]
            row = rows.get(sid, {})
            stories.append({"id": sid, "title": row.get("title") or None, "start": row.get("start"),
                            "end": row.get("end"), "articles": len(story.article_ids)})
        dfs = index.dfs
        dirty = sorted(dfs.__dict__.pop("dirty", set()) if isinstance(dfs, _TrackedFrequencies) else set(dfs.df))
        out = {"merges": [{"from": old, "into": into} for old, into in merges],
               "log": [asdict(c.named(names)) for c in log],
               "moves": [{"article_id": a, "story_id": now(a)} for a in dict.fromkeys(a for a, _ in moves)],
               "stories": stories,
               "story_articles": [(now(aid) or resolve(sid), aid) for sid, aid in self._members],
               "events": list(self._events),
               "duplicates": list(self._duplicates),
               "members": [asdict(index.members[aid]) for _, aid in self._members],
               "terms": [{"term": t, "df": dfs.df.get(t, 0), "prior": dfs.prior.get(t, 0.0)} for t in dirty],
               "dedup": list(self._dedup),
               # StoryIndex.to_rows()["meta"], without building every other row
               "meta": {"docs": dfs.docs, "seq": index._seq, "next_id": index._next_id, "prefix": index.prefix,
                        "params": asdict(index.params)},
               "statements": statements}
        self._reset()
        return out

    def _statement_rows(self) -> dict[str, Any] | None:
        filed = self.statements.take_changes()
        if not filed["quotes"]:
            return None
        if isinstance(self.statements, StoredStatements):
            self.statements.trim()  # saved with this batch: dropped when too large, read back when needed
        return statement_rows(filed, self.statements.next_id)
