"""A day's summary (storyline.stories.digest): the sentences that name a day, the most central
one, and the events of a timeline given it, with the span it came from. Texts written here."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storyline.records import Timex
from storyline.stories.digest import (Candidate, day_candidate, day_sentences, lead_candidate, quoted_share,
                                      recalled_event, summarise_day, summarise_events)
from storyline.stories.events import Evidence
from storyline.stories.timeline import FactSource, TimelineEvent, central


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text) if m.group().strip()]


def _timex(text: str, words: str, value: str, kind: str = "DATE") -> Timex:
    start = text.index(words)
    return Timex(start, start + len(words), words, kind, value)


@pytest.mark.parametrize(("text", "dates", "expected"), [
    # a sentence that names a day is what the article says of that day
    ("The ferry Kivi ran aground off Lepik island on 3 May, and all 40 passengers were taken off.",
     [("3 May", "2025-05-03")],
     [("2025-05-03", "The ferry Kivi ran aground off Lepik island on 3 May, and all 40 passengers were taken off.")]),
    # two days in one sentence: the sentence names both
    ("The ferry ran aground on 3 May and was towed to Vestra harbour two days later by a tug.",
     [("3 May", "2025-05-03"), ("two days later", "2025-05-05")],
     [("2025-05-03", "The ferry ran aground on 3 May and was towed to Vestra harbour two days later by a tug."),
      ("2025-05-05", "The ferry ran aground on 3 May and was towed to Vestra harbour two days later by a tug.")]),
    # a chronology: each day gets its own item, without its date
    ("3 May: the ferry Kivi runs aground off Lepik island 5 May: a tug tows the ferry to Vestra harbour "
     "9 May: the inquiry into the grounding opens in Kask",
     [("3 May", "2025-05-03"), ("5 May", "2025-05-05"), ("9 May", "2025-05-09")],
     [("2025-05-03", "the ferry Kivi runs aground off Lepik island"),
      ("2025-05-05", "a tug tows the ferry to Vestra harbour"),
      ("2025-05-09", "the inquiry into the grounding opens in Kask")]),
    # a live blog's stamp before the sentence is not part of it
    ("(Update 9:10 in Vestra) The ferry Kivi ran aground off Lepik island on Saturday morning.",
     [("Saturday morning", "2025-05-03")],
     [("2025-05-03", "The ferry Kivi ran aground off Lepik island on Saturday morning.")]),
    # a quotation, a question, a sentence that leans on the one before: no summary
    ("\"We were lucky that the sea was calm on Saturday,\" the captain of the ferry said to reporters.",
     [("Saturday", "2025-05-03")], []),
    ("Why did the ferry Kivi run aground off Lepik island on 3 May?", [("3 May", "2025-05-03")], []),
    ("He added that the ferry Kivi had been inspected on 3 May last year.", [("3 May", "2024-05-03")], []),
    # a month, a duration, a sentence too short: nothing
    ("The ferry Kivi ran aground off Lepik island in May, and all passengers were taken off.",
     [("May", "2025-05")], []),
    ("The inquiry into the grounding of the ferry will take three months.",
     [("three months", "P3M", )], []),
    ("Aground on 3 May.", [("3 May", "2025-05-03")], []),
])
def test_day_sentences(text: str, dates: list[tuple[str, ...]], expected: list[tuple[str, str]]) -> None:
    timexes = [_timex(text, d[0], d[1], "DURATION" if d[1].startswith("P") else "DATE") for d in dates]
    found = day_sentences("a1", text, _sentences(text), timexes)
    assert [(d.day, d.text) for d in found] == expected
    for d in found:
        assert text[d.start:d.end] == d.text and d.article_id == "a1"  # the span it came from
        assert text[d.named_at[0]:d.named_at[1]] == d.named_as  # the words that name its day


@pytest.mark.parametrize(("published", "own_day", "expected"), [
    # nothing known of the article: the sentence tells of both days
    (None, None, ["2025-05-03", "2025-05-07"]),
    # filed on 5 May: the 7th is only looked ahead to
    ("2025-05-05T09:00:00", None, ["2025-05-03"]),
    ("2025-05-07", None, ["2025-05-03", "2025-05-07"]),
    # its own news is the 7th: the grounding is that sentence's background
    ("2025-05-08", "2025-05-07", ["2025-05-07"]),
    # its own news is another day: the sentence still tells of both
    ("2025-05-08", "2025-05-08", ["2025-05-03", "2025-05-07"]),
])
def test_day_sentences_leave_out_days_looked_ahead_to_and_background(published: str | None, own_day: str | None,
                                                                      expected: list[str]) -> None:
    text = "The inquiry into the grounding of 3 May opens in Kask on 7 May with the captain as the first witness."
    timexes = [_timex(text, "3 May", "2025-05-03"), _timex(text, "7 May", "2025-05-07")]
    found = day_sentences("a1", text, _sentences(text), timexes, published=published, own_day=own_day)
    assert [d.day for d in found] == expected


def test_central_picks_the_sentence_the_others_share_words_with() -> None:
    texts = ["The ferry Kivi ran aground off Lepik island.",
             "Passengers of the ferry Kivi were taken off after it ran aground off Lepik island.",
             "The weather in Vestra was calm.",
             "A tug towed the ferry Kivi off Lepik island."]
    assert central(texts) == 0  # the words the others share, and few more
    assert central(texts[2:] + texts[:2]) == 2  # wherever it stands; never the weather
    assert summarise_day([]) is None  # nothing to choose from
    assert central(["Kivi ran aground.", "Kivi ran aground."]) == 0  # the first on ties
    # a short sentence of the shared words is not beaten by a long one that only adds words
    assert central(["Kivi ran aground off Lepik island.", "Kivi ran aground off Lepik island.",
                         "Kivi ran aground off Lepik island after the captain, who had sailed the route for "
                         "twenty years, misread a buoy in the fog near the old lighthouse."]) == 0


@pytest.mark.parametrize(("text", "share"), [
    ("The captain said the sea was calm.", 0.0),
    ("“The sea was calm,” the captain said.", 0.5),
    ("\"The sea was calm and we were lucky,\"", 1.0),
])
def test_quoted_share(text: str, share: float) -> None:
    assert quoted_share(text) == pytest.approx(share, abs=0.15)


def test_lead_candidate_drops_a_dateline_and_keeps_the_span() -> None:
    text = "Ferry aground\nVESTRA, May 3, 2025 (KNA) - The ferry Kivi ran aground off Lepik island."
    start = text.index("VESTRA")
    ev = Evidence("summary", start, len(text), text[start:])
    c = lead_candidate("a1", " ".join(text[start:].split()), ev)
    assert c is not None and c.text == "The ferry Kivi ran aground off Lepik island."
    assert text[c.start:c.end] == c.span_text == c.text
    plain = lead_candidate("a1", "The ferry Kivi ran aground.", None)  # a title: no span
    assert plain is not None and (plain.start, plain.end) == (0, 0)
    assert lead_candidate("a1", "", None) is None


def test_summarise_day_counts_each_wording_once() -> None:
    pool = [Candidate("The ferry Kivi ran aground.", "a1", 0, 27),
            Candidate("The ferry Kivi ran aground.", "a2", 5, 32),
            Candidate("A tug came.", "a3", 0, 11)]
    chosen = summarise_day(pool)
    assert chosen is not None and chosen.article_id == "a1"
    assert summarise_day([]) is None


def _event(story: str, date: str | None, article_ids: list[str], summary: str) -> TimelineEvent:
    e = TimelineEvent(id=f"{story}/{date}", story_id=story, date=date, place=None, participants=[], kind=None,
                      summary=summary, article_ids=article_ids, outlets=[])
    e.evidence = [FactSource("summary", summary, article_ids[0], 0, len(summary), summary)]
    return e


def test_an_event_is_summarised_by_what_its_story_says_of_its_day() -> None:
    later = ("Vestra harbour reopened on Monday. The ferry Kivi ran aground off Lepik island on 3 May "
             "with 40 passengers on board, who were all taken off by lifeboats.")
    days = {"a3": day_sentences("a3", later, _sentences(later), [_timex(later, "3 May", "2025-05-03"),
                                                                  _timex(later, "Monday", "2025-05-12")])}
    warning, grounded = ("Weather warnings were issued for the coast of Vestra.",
                         "The ferry Kivi ran aground off Lepik island with 40 passengers on board.")
    leads = {"a1": Candidate(warning, "a1", 0, len(warning), warning),
             "a2": Candidate(grounded, "a2", 0, len(grounded), grounded), "a3": None}
    grounding = _event("s1", "2025-05-03", ["a1", "a2"], "Weather warnings were issued for the coast of Vestra.")
    alone = _event("s2", "2025-05-03", ["a9"], "A choir sang in Kask.")
    undated = _event("s1", None, ["a4"], "Ferries run again.")
    summarise_events([grounding, alone, undated], leads, days, {"s1": ["a1", "a2", "a3"], "s2": ["a9"]})
    assert "ran aground off Lepik island" in grounding.summary
    source = grounding.source("summary")
    assert source is not None and source.value == grounding.summary
    text = later if source.article_id == "a3" else leads[source.article_id].span_text  # type: ignore[union-attr]
    assert text[source.start:source.end] == source.text
    assert alone.summary == "A choir sang in Kask."  # one candidate: its own summary stands
    assert undated.summary == "Ferries run again."


def test_a_day_sentence_is_a_candidate_with_its_span() -> None:
    text = "The ferry Kivi ran aground off Lepik island on 3 May, and all 40 passengers were taken off."
    d = day_sentences("a1", text, _sentences(text), [_timex(text, "3 May", "2025-05-03")])[0]
    c = day_candidate(d)
    assert (c.article_id, c.start, c.end, c.span_text) == ("a1", d.start, d.end, d.text)


def test_a_day_only_later_reports_recall_becomes_an_event_of_their_story() -> None:
    one = "Lifeboats took 40 passengers off the ferry Kivi after it ran aground off Lepik island on 3 May."
    two = "The ferry Kivi, which ran aground off Lepik island on 3 May, was towed to Vestra harbour."
    other = "The Kask choir festival, which opened on 3 May in Tamm, ended with a concert in the old square."
    sentences = [d for a, text in (("a1", one), ("a2", two), ("c1", other))
                 for d in day_sentences(a, text, _sentences(text), [_timex(text, "3 May", "2025-05-03")])]
    published = {"a1": "2025-05-05", "a2": "2025-05-06T08:00:00", "c1": "2025-05-09"}
    event = recalled_event("2025-05-03", sentences, {"a1": "s1", "a2": "s1", "c1": "s2"},
                           {"a1": ["Vestra Post"], "a2": ["Vestra Post", "Lepik News"]}, published)
    assert event is not None and event.recalled
    # the story most of the recalling reports belong to, summarised by one of their sentences
    assert (event.id, event.story_id, event.date) == ("s1/2025-05-03", "s1", "2025-05-03")
    assert event.article_ids == ["a1", "a2"] and event.outlets == ["Vestra Post", "Lepik News"]
    assert "ran aground off Lepik island" in event.summary and "choir" not in event.summary
    date, summary = event.source("date"), event.source("summary")
    assert date is not None and summary is not None
    text = one if summary.article_id == "a1" else two
    assert text[summary.start:summary.end] == summary.text and (date.value, date.text) == ("2025-05-03", "3 May")
    assert text[date.start:date.end] == "3 May"
    # nothing names the day, or only an article of no story the timeline holds: no event
    assert recalled_event("2025-05-04", sentences, {"a1": "s1"}, {}, published) is None
    assert recalled_event("2025-05-03", sentences, {"x9": "s1"}, {}, published) is None
    # a report filed before the day, on it, or undated only looks ahead: the other story's is left
    ahead = recalled_event("2025-05-03", sentences + [replace(sentences[-1], article_id="c2")],
                           {"a1": "s1", "a2": "s1", "c1": "s2", "c2": "s2"}, {},
                           {"a1": "2025-05-02", "a2": "2025-05-03", "c1": "2025-05-09", "c2": "2025-05-10"})
    assert ahead is not None and ahead.story_id == "s2" and ahead.article_ids == ["c1", "c2"]
    # one report's aside is no key day
    assert recalled_event("2025-05-03", sentences, {"a1": "s1", "a2": "s1", "c1": "s2"}, {},
                          {"a1": "2025-05-02", "a2": "2025-05-03", "c1": "2025-05-09"}) is None
    assert recalled_event("2025-05-03", sentences, {"a1": "s1"}, {}, {"a1": None}) is None
