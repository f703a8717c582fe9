"""Ingest, end to end: read → clean → NLP → quotes → dates and entities → store, streaming and incremental.

Files are discovered lazily and processed in batches of
:data:`~storyline.config.BATCH_SIZE` articles, so memory does not grow with the
number of files. A file whose bytes have not changed since the last ingest is
skipped; an article whose content is already stored is only linked to its new
source; a changed file replaces what it produced before. One bad file or
article is reported and the batch goes on.

Per-article work that needs no corpus state (spaCy, quotations) runs in
``workers`` processes while the single writer cleans the next batch (cleaning
reads the corpus vocabulary), links entities across the corpus and stores: the
two cores work at once, and batches are still stored in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from storyline.clean import Lexicon, clean_document
from storyline.clean.repeated import LineBook, line_counts, page_keys
from storyline.config import BATCH_SIZE
from storyline.entities import EntityIndex, KnowledgeBase
from storyline.entities.stage import EntityStage
from storyline.ingest import SUPPORTED, SourceFile, content_id, discover, read_file
from storyline.nlp import analyse, read_in_english
from storyline.quotes import quote_and_parse
from storyline.quotes.parse import Parsed
from storyline.records import AnalysedArticle, BadInput, CleanArticle, IngestReport, RawDocument
from storyline.store import Store
from storyline.stories.actors import find_actors
from storyline.stories.stage import StoryStage

ProgressFn = Callable[[int, int], None]  # (files done, articles stored)


def count_files(paths: Iterable[str]) -> int:
    """How many supported files ``paths`` hold (for a progress bar's total)."""
    total = 0
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(1 for f in files if not f.startswith(".") and os.path.splitext(f)[1].lower() in SUPPORTED)
        else:
            total += 1
    return total


@dataclass
class _PendingFile:
    file: SourceFile
    stale_sources: set[str]
    articles: int = 0
    failures: int = 0


@dataclass
class _Batch:
    docs: list[RawDocument] = field(default_factory=list)
    files: list[_PendingFile] = field(default_factory=list)


@dataclass
class _InFlight:
    """A cleaned batch whose NLP runs in a worker; stored when its turn comes."""

    result: Future | tuple[list[AnalysedArticle], list[BadInput]]
    files: list[_PendingFile]
    vocab: dict[str, int]

    def get(self) -> tuple[list[AnalysedArticle], list[BadInput]]:
        return self.result.result() if isinstance(self.result, Future) else self.result


def default_workers(files: int) -> int:
    """Worker processes for an ingest of ``files`` files: both cores for a real batch,
    none for a handful (starting a worker loads spaCy again: about 2 s)."""
    env = os.environ.get("STORYLINE_WORKERS")
    if env:
        return max(1, int(env))
    return min(2, os.cpu_count() or 1) if files >= 24 else 1


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    force: bool = False,
    batch_size: int = BATCH_SIZE,
    on_progress: ProgressFn | None = None,
    kb: KnowledgeBase | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest files and folders into ``store``; returns what was done.

    ``force`` re-processes files even when their bytes have not changed. ``kb`` is a
    knowledge file (:func:`storyline.entities.load_kb`) for the entity stage.
    ``workers`` > 1 runs spaCy and the quote stage in that many processes
    (:func:`default_workers` picks a number for a CLI run).
    """
    started = time.perf_counter()
    report = IngestReport()
    lexicon = Lexicon(store.vocab())
    if kb is not None:  # its landmarks are kept, as its people are: a later ingest without --kb knows them
        store.save_landmarks(kb.events)
    stage = EntityStage(EntityIndex.from_dict(store.entity_index_data()), kb,  # the corpus's entities, resumed
                        landmarks=store.landmarks())
    stories = StoryStage.from_store(store)  # the corpus's stories and duplicates, resumed
    batch = _Batch()
    files_done = 0
    inflight: deque[_InFlight] = deque()
    pool = (ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            if workers > 1 else None)

    def flush() -> None:
        nonlocal batch
        vocab_before = Counter(lexicon.name_counts())
        cleaned = clean_batch(batch.docs, lexicon, report, store)
        delta = Counter(lexicon.name_counts())
        delta.subtract(vocab_before)
        vocab = {k: v for k, v in delta.items() if v > 0}
        result = (pool.submit(analyse_batch, cleaned) if pool is not None and cleaned
                  else analyse_batch(cleaned))
        inflight.append(_InFlight(result, batch.files, vocab))
        batch = _Batch()
        while len(inflight) > (workers if pool is not None else 0):
            finish()

    def finish() -> None:
        nonlocal files_done
        done = inflight.popleft()
        analysed, failures = done.get()
        report.failures.extend(failures)
        _store_batch(analysed, done.vocab, store, report, stage, stories)
        for pending in done.files:
            store.forget_sources(pending.stale_sources)
            f = pending.file
            store.record_file(f.path, sha256=f.sha256, size=f.size, mtime=f.mtime,
                              articles=pending.articles, failures=pending.failures)
        files_done += len(done.files)
        if on_progress:
            on_progress(files_done + report.files_skipped, report.articles_added + report.articles_unchanged)

    try:
        _read_all(paths, store, report, batch_size=batch_size, force=force, on_progress=on_progress,
                  batch=lambda: batch, flush=flush, progress=lambda: files_done)
        flush()
        while inflight:
            finish()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    store.save_batch([], entities=stage.changes())  # what the knowledge file changed, if no batch saved it
    report.seconds = time.perf_counter() - started
    return report


def _read_all(paths: Iterable[str], store: Store, report: IngestReport, *, batch_size: int, force: bool,
              on_progress: ProgressFn | None, batch: Callable[[], _Batch], flush: Callable[[], None],
              progress: Callable[[], int]) -> None:
    """Read every new or changed document into batches, flushing each when it is full."""
    for item in discover(paths):
        report.files_seen += 1
        if isinstance(item, BadInput):
            report.failures.append(item)
            continue
        if not force and store.file_sha(item.path) == item.sha256:
            report.files_skipped += 1
            if on_progress:
                on_progress(progress() + report.files_skipped, report.articles_added + report.articles_unchanged)
            continue
        previous = store.sources_of_path(item.path)
        pending = _PendingFile(item, stale_sources=set(previous))
        for doc in read_file(item):
            if isinstance(doc, BadInput):
                report.failures.append(doc)
                pending.failures += 1
                continue
            pending.articles += 1
            pending.stale_sources.discard(doc.source)
            article_id = content_id(doc.text)
            if not force and store.has_article(article_id):
                if previous.get(doc.source) != article_id:
                    store.link_source(doc.source, doc.path, article_id)
                report.articles_unchanged += 1
                continue
            if doc.source in previous:
                report.articles_replaced += 1
            batch().docs.append(doc)
            if len(batch().docs) >= batch_size:
                flush()
        batch().files.append(pending)
        if len(batch().docs) >= batch_size:
            flush()


def _store_batch(analysed: list[AnalysedArticle], vocab: dict[str, int], store: Store, report: IngestReport,
                 stage: EntityStage | None = None, stories: StoryStage | None = None) -> None:
    """The single writer's part: corpus-level linking and stories, then one transaction for the batch."""
    # several sources in one batch can carry the same text: store it once
    unique = {a.article.id: a for a in analysed}
    if stage is not None:  # dates, entities, quote speakers: corpus-level, so here in the single writer
        stage.run(unique.values(), report)
    if stories is not None:  # duplicates and stories: after the entities, so participants are entity ids
        for item in unique.values():
            try:
                stories.add(item)
            except Exception as exc:  # noqa: BLE001 - one article must not fail the batch
                report.failures.append(BadInput(
                    _where(item.article),
                    f"stories failed on this article ({type(exc).__name__}: {exc}); stored without a story"))
    report.articles_not_english += sum(not read_in_english(item.article) for item in unique.values())
    report.articles_added += store.save_batch(unique.values(), vocab=vocab,
                                              entities=stage.changes() if stage is not None else None,
                                              stories=stories.changes(store) if stories is not None else None)
    for item in analysed:
        if unique[item.article.id] is not item:
            store.link_source(item.article.source, item.article.path, item.article.id)


def _where(doc: RawDocument | CleanArticle) -> str:
    """How a failure names an article: its file, and the record when the file holds several."""
    return doc.source if doc.source == doc.path else f"{doc.path} (record {doc.source})"


def clean_batch(docs: list[RawDocument], lexicon: Lexicon, report: IngestReport,
                lines: LineBook | None = None) -> list[CleanArticle]:
    """Clean one batch against the corpus vocabulary and, given ``lines``, the lines the corpus's
    other articles hold (the batch adds to both first, so its articles see each other)."""
    lexicon.learn(d.text for d in docs)
    ids = [content_id(d.text) for d in docs]
    keys = [page_keys(d.text.split("\n")) for d in docs]
    if lines is not None:
        lines.record_lines(zip(ids, keys))
    cleaned: list[CleanArticle] = []
    for doc, article_id, page in zip(docs, ids, keys):
        try:
            repeated = line_counts(lines, article_id, page) if lines is not None else None
            article = clean_document(doc, lexicon, repeated)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            report.failures.append(BadInput(_where(doc), f"could not clean this article ({type(exc).__name__}: {exc}); "
                                                         "please report it with the file attached"))
            continue
        if not any(c.isalnum() for c in article.text):  # a page of share buttons is not an article
            preview = " ".join(doc.text.split())[:60]
            report.failures.append(BadInput(_where(doc), f"nothing is left once the web debris is removed "
                                                         f"({preview!r}); check that it holds the article's text"))
            continue
        cleaned.append(article)
    return cleaned


def analyse_batch(cleaned: list[CleanArticle]) -> tuple[list[AnalysedArticle], list[BadInput]]:
    """spaCy and the quote stage over cleaned articles: no corpus state, so it can run in a
    worker process. Returns the analysed articles and the failures."""
    report = IngestReport()
    try:
        analysed = analyse(cleaned)
    except Exception:  # noqa: BLE001 - retry one by one to find the article that breaks the model
        analysed = []
        for article in cleaned:
            try:
                analysed.extend(analyse([article]))
            except Exception as exc:  # noqa: BLE001
                report.failures.append(BadInput(_where(article), f"NLP failed on this article ({exc})"))
    english = [item for item in analysed if read_in_english(item.article)]  # the rest: no quotes, no actors
    parsed = _quote(english, report)
    _find_actors(english, parsed, report)
    return analysed, report.failures


def process_batch(docs: list[RawDocument], lexicon: Lexicon, report: IngestReport,
                  lines: LineBook | None = None) -> list[AnalysedArticle]:
    """Clean, analyse and find the quotations of one batch, in this process (what ingest stores;
    ``storyline eval`` runs exactly this). Failures go to ``report.failures``."""
    analysed, failures = analyse_batch(clean_batch(docs, lexicon, report, lines))
    report.failures.extend(failures)
    return analysed


def _batch_or_each(stage: Callable[[list[AnalysedArticle]], Sequence[Any]], analysed: list[AnalysedArticle],
                   report: IngestReport, *, empty: Any, what: str, then: str) -> list[Any]:
    """``stage`` over the batch, one result per article; when it fails, over each article alone, so
    the article that breaks it is reported (``what`` failed, ``then`` what becomes of it) and gets
    ``empty``, and the rest of the batch keeps its results."""
    try:
        return list(stage(analysed))
    except Exception:  # noqa: BLE001 - retry one by one to find the article that breaks it
        found: list[Any] = []
        for item in analysed:
            try:
                found.extend(stage([item]))
            except Exception as exc:  # noqa: BLE001
                found.append(empty)
                report.failures.append(BadInput(
                    _where(item.article), f"{what} failed on this article ({type(exc).__name__}: {exc}); {then}"))
        return found


def _find_actors(analysed: list[AnalysedArticle], parsed: list[Parsed | None], report: IngestReport) -> None:
    """Who acts in each lead (:mod:`storyline.stories.actors`), reading the sentences the quote
    stage parsed (``parsed``) from its parse. Without it an event counts everyone its lead names as
    taking part, so a failure costs only that distinction."""
    given = {id(item): p for item, p in zip(analysed, parsed)}

    def stage(items: list[AnalysedArticle]) -> list[list[tuple[int, int]]]:
        return find_actors(items, parsed=[given.get(id(item)) for item in items])

    found = _batch_or_each(stage, analysed, report, empty=None, what="reading who took part",
                           then="its events name everyone its lead names")
    for item, spans in zip(analysed, found):
        item.actors = spans


def _quote(analysed: list[AnalysedArticle], report: IngestReport) -> list[Parsed | None]:
    """The quote stage; an article it fails on is stored without quotations and reported. Returns
    each article's parse (None where it failed)."""
    found = _batch_or_each(quote_and_parse, analysed, report, empty=([], None), what="quotations",
                           then="stored without them")
    for item, (quotes, _) in zip(analysed, found):
        item.quotes = quotes
    return [p for _, p in found]
