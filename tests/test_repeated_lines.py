"""Lines a site repeats across unrelated articles (storyline.clean.repeated): the rule, the line
book in memory and in the store, and what ingest makes of a pile that shares a footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import Lexicon, clean_document
from storyline.clean.repeated import (
    MIN_OTHER_ARTICLES,
    REASON,
    MemoryLineBook,
    line_counts,
    line_key,
    page_keys,
    repeated_lines,
)
from storyline.ingest import content_id
from storyline.pipeline import clean_batch, ingest
from storyline.records import IngestReport, RawDocument
from storyline.store import Store

FOOTER = "Comments on this page are moderated by the Harbour News desk and may be shortened."
#: invented stories, one per article, that share none of the footer's words
STORIES = [
    "The Tallinn city council voted on Tuesday to rebuild the old ferry terminal before the summer season. "
    "Mayor Anna Kask said the work would begin in April and cost about twelve million euros. "
    "Opposition members argued that the budget ignored schools and asked for a second vote in autumn.",
    "Fishermen in Saaremaa reported the largest herring catch in a decade after a mild winter. "
    "Biologists from the island station warned that warmer water could bring the shoals closer to shore. "
    "Prices at the market in Kuressaare fell by a third within a fortnight, traders said.",
    "A freight train derailed near Tapa early on Sunday, blocking the main railway line to the east. "
    "Nobody was injured, the rail operator said, but passengers travelled by bus for two days. "
    "Investigators are examining a cracked rail found two hundred metres from the crash site.",
    "The national orchestra opened its season with a symphony by a composer from Pärnu. "
    "Critics praised the young conductor, Mart Tamm, for a bold reading of the slow movement. "
    "Tickets for the remaining concerts sold out within hours of the premiere on Friday evening.",
    "Farmers in the south asked the government for drought relief after a dry spring ruined barley fields. "
    "The agriculture minister promised a decision within weeks and visited three farms near Võru. "
    "Grain traders expect imports to double, raising feed costs for dairy producers.",
    "A new bridge across the Emajõgi river in Tartu opened to cyclists and pedestrians on Saturday. "
    "Engineers used timber beams from local forests, making it the longest wooden span in the region. "
    "Residents had campaigned for the crossing since the old footbridge closed eight years ago.",
    "The coast guard rescued four sailors whose yacht lost its mast in a storm off Hiiumaa. "
    "A helicopter lifted the crew to safety while a patrol boat towed the yacht to Kärdla harbour. "
    "Forecasters had warned of gusts above twenty metres per second along the western islands.",
]


def _page(story: str, *extra: str) -> list[str]:
    return [*story.split(". "), *extra]


@pytest.mark.parametrize(
    ("lines", "others", "expected"),
    [
        # a footer in many unrelated articles, sharing none of the page's words: debris
        (_page(STORIES[0], FOOTER), [0, 0, 0, 9], [3]),
        # too few other articles hold it: kept
        (_page(STORIES[0], FOOTER), [0, 0, 0, MIN_OTHER_ARTICLES - 1], []),
        # a background sentence repeated as often, but about what the page is about: kept
        (_page(STORIES[0], "The council has rebuilt the ferry terminal twice since the budget vote."),
         [0, 0, 0, 9], []),
        # an update of one story shares its lines with 4 earlier versions: 9 is not telling
        (_page(STORIES[0], FOOTER), [4, 4, 4, 9], []),
        # a page too short to tell what it is about: nothing judged
        (["Ferry terminal to be rebuilt", FOOTER], [0, 9], []),
        # a policy naming the outlet shares half its words with the page: debris only when widespread
        (_page(STORIES[0], "Harbour News council opinions are the readers' own."), [0, 0, 0, 60], [3]),
        (_page(STORIES[0], "Harbour News council opinions are the readers' own."), [0, 0, 0, 20], []),
        # blank lines are no lines
        (["", *_page(STORIES[1]), "", FOOTER], [0, 0, 0, 0, 0, 7], [5]),
    ],
    ids=["footer", "too-few", "background", "update", "short-page", "wide-policy", "narrow-policy", "blanks"],
)
def test_repeated_lines(lines: list[str], others: list[int], expected: list[int]) -> None:
    assert repeated_lines(lines, others) == expected


def test_line_key_ignores_case_spacing_and_punctuation_only() -> None:
    assert line_key("Replies to this post are  switched off.") == line_key("  replies to this post are switched off")
    assert line_key("Replies to this post are switched off.") != line_key("Replies to this post are switched on.")
    assert page_keys(["a b", "  ", "A  B", "______", "• …"]) == [line_key("a b"), None, line_key("a b"), None, None]


def test_memory_book_counts_other_articles_once() -> None:
    book = MemoryLineBook()
    k = line_key(FOOTER)
    book.record_lines([("a", [k, k]), ("b", [k, None]), ("c", [k]), ("c", [k])])
    assert book.other_articles_with_lines("a", [k]) == {k: 2}
    assert book.other_articles_with_lines("z", [k, line_key("unseen")]) == {k: 3}
    assert line_counts(book, "a", [k, None, line_key("unseen")]) == [2, 0, 0]


def test_store_book_and_orphans(tmp_path: Path) -> None:
    k = line_key(FOOTER)
    with Store(tmp_path / "s.db") as store:
        store.record_lines([("a", [k, None]), ("b", [k]), ("c", [k])])
        store.record_lines([("a", [k])])  # twice: still one article
        assert store.other_articles_with_lines("a", [k, 7]) == {k: 2}
        assert store.other_articles_with_lines("z", [k]) == {k: 3}
        assert store.other_articles_with_lines("z", [k], cap=2) == {k: 2}  # counted no further than needed
        store.db.execute("INSERT INTO articles (id, source, path, format, text, raw_text, ingested_at) VALUES"
                         " ('c', 'c.txt', 'c.txt', 'txt', 'x', 'x', '')")
        store.db.execute("INSERT INTO sources (source, path, article_id) VALUES ('c.txt', 'c.txt', 'c')")
        store.forget_sources(["c.txt"])  # the article goes, and with it its lines
        assert store.other_articles_with_lines("z", [k]) == {k: 2}


def _docs() -> list[RawDocument]:
    return [RawDocument(source=f"{i}.txt", path=f"{i}.txt", text=f"{story}\n{FOOTER}\n", format="txt")
            for i, story in enumerate(STORIES)]


def test_clean_batch_sees_the_batch_and_the_book() -> None:
    report = IngestReport()
    cleaned = clean_batch(_docs(), Lexicon(), report, MemoryLineBook())
    assert len(cleaned) == len(STORIES) and not report.failures
    for article in cleaned:
        assert FOOTER not in article.text
        assert [r.reason for r in article.removed if r.line == FOOTER] == [REASON]
    # without a book, the page alone cannot tell
    alone = clean_document(_docs()[0])
    assert FOOTER in alone.text


def test_ingest_streams_then_force_cleans_every_copy(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    for i, story in enumerate(STORIES):
        (folder / f"{i}.txt").write_text(f"{story}\n{FOOTER}\n", encoding="utf-8")
    db = tmp_path / "s.db"

    def with_footer(store: Store) -> list[str]:
        return sorted(a.source for a in store.iter_articles() if FOOTER in a.text)

    with Store(db) as store:
        # one article a batch: an article learns of the footer only from those stored before it
        ingest([str(folder)], store, batch_size=1)
        assert with_footer(store) == [str(folder / f"{i}.txt") for i in range(MIN_OTHER_ARTICLES)]
        ingest([str(folder)], store, batch_size=1, force=True)
        assert with_footer(store) == []
        assert store.other_articles_with_lines("none", [line_key(FOOTER)]) == {line_key(FOOTER): len(STORIES)}
        ids = {content_id(f"{s}\n{FOOTER}\n") for s in STORIES}
        assert {a.id for a in store.iter_articles()} == ids
