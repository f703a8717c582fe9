"""Who took part in an event, and whom its lead only names (storyline.stories.actors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from stories_helpers import article

from storyline.clean import Lexicon
from storyline.pipeline import ingest, process_batch
from storyline.quotes.parse import parse_spans
from storyline.records import IngestReport, RawDocument
from storyline.store import Store
from storyline.stories import ArticleFeatures, Event, Participant, extract_event
from storyline.stories.actors import actor_sentences, actor_tokens, find_actors
from storyline.stories.query import build_timeline
from storyline.stories.timeline import ArticleRecord, story_events


def _actor_words(sentence: str) -> set[str]:
    [[doc]] = parse_spans([(sentence, [(0, len(sentence))])])
    return {doc[i].text for i in actor_tokens(doc)}


@pytest.mark.parametrize(("sentence", "actors", "not_actors"), [
    ("Prime Minister Mari Lepik on Tuesday held a joint press conference with the President of Kivania, "
     "Andres Berg, in Tallinn.", {"Lepik", "Berg"}, {"Kivania", "Tallinn"}),
    ("Lepik met Berg in Riga on Monday.", {"Lepik", "Berg"}, {"Riga"}),
    ("Police arrested Jaan Tamm after a car chase through Narva.", {"Police", "Tamm"}, {"Narva"}),
    ("The minister condemned Ozola's remarks about the harbour.", {"minister"}, {"Ozola"}),
    ("The harbour is safe, said Lepik after meeting with Ilze Ozola in Riga.", {"Lepik", "Ozola"}, {"Riga"}),
    ("Berg's lawyer said Thursday the singer had checked into a clinic.", {"Berg", "lawyer", "singer"}, {"clinic"}),
    ("Kivi and Tamm signed the treaty, which Ozola had drafted in 2019.", {"Kivi", "Tamm"}, {"Ozola"}),
])
def test_the_actors_of_a_sentence(sentence: str, actors: set[str], not_actors: set[str]) -> None:
    found = _actor_words(sentence)
    assert actors <= found
    assert not found & not_actors


_LEAD = ("Vestra and Kivania agree to patrol the strait\n"
         "TALLINN - Vestran Prime Minister Mari Lepik on Tuesday held a joint press conference with the "
         "President of Kivania, Andres Berg, at the government house in Tallinn. "
         "The two leaders agreed to patrol the strait together, Lepik said. "
         "Critics, among them the opposition leader Jaan Tamm, said the plan came too late. "
         "The Kivanian foreign minister Ilze Ozola was not at the meeting.")


def _analysed(text: str) -> ArticleFeatures:
    doc = RawDocument(source="strait.txt", path="strait.txt", text=text, format="txt")
    [a] = process_batch([doc], Lexicon(), IngestReport())
    return ArticleFeatures.from_analysed(a)


def test_an_event_names_its_actors_and_only_mentions_the_rest() -> None:
    event = extract_event(_analysed(_LEAD))
    took = {p.name for p in event.participants if p.took_part}
    named = {p.name for p in event.participants if not p.took_part}
    assert {"Mari Lepik", "Andres Berg"} <= took
    assert {"Jaan Tamm", "Ilze Ozola"} <= named


def test_the_title_and_two_body_sentences_are_parsed_not_a_quotation() -> None:
    text = ("Lepik meets Berg\n“We will guard the strait together,” the two leaders said.\n"
            "Lepik and Berg met in Tallinn on Tuesday. They signed a treaty. Tamm was not there.")
    doc = RawDocument(source="t.txt", path="t.txt", text=text, format="txt")
    [a] = process_batch([doc], Lexicon(), IngestReport())
    parsed = [text[s.start:s.end].strip() for s in actor_sentences(a)]
    assert parsed[0] == "Lepik meets Berg"
    assert not any(p.startswith("“") for p in parsed)
    assert "Tamm was not there." not in parsed
    assert a.actors == find_actors([a])[0] and a.actors


def test_without_a_parse_everyone_the_lead_names_took_part() -> None:
    f = article("a1", "Strait talks", "Mari Lepik and Andres Berg spoke in Tallinn on Tuesday. Jaan Tamm stayed away.",
                people=("Mari Lepik", "Andres Berg", "Jaan Tamm"))
    assert f.actors is None
    assert all(p.took_part for p in extract_event(f).participants)
    # a parse that finds none of them is no evidence either way
    f.actors = [(0, 6)]  # "Strait"
    assert all(p.took_part for p in extract_event(f).participants)


def _record(aid: str, acting: tuple[str, ...], named: tuple[str, ...]) -> ArticleRecord:
    people = [Participant(f"person:{n.lower()}", n, "PERSON", took_part=True) for n in acting]
    people += [Participant(f"person:{n.lower()}", n, "PERSON", took_part=False) for n in named]
    return ArticleRecord(aid, "s1", Event(aid, date="2025-03-04", participants=people))


def test_a_timeline_event_shows_who_took_part_apart_from_who_is_named() -> None:
    records = [_record("a1", ("Lepik", "Berg"), ("Tamm",)),
               _record("a2", ("Lepik",), ("Berg", "Ozola")),
               _record("a3", ("Lepik", "Tamm"), ("Ozola",))]
    [e] = story_events(records)
    # Berg: took part in one report of two that name him (half); Tamm in one of two; Ozola in none
    assert e.participants == ["Lepik", "Berg", "Tamm"]
    assert e.named == ["Ozola"] and e.named_ids == ["person:ozola"]
    assert e.row()["named"] == ["Ozola"]


def test_a_deck_is_read_clause_by_clause() -> None:
    text = ("Bridges for Tartu\n"
            'The mayors gathered in Tartu before the vote - Anna Kivi and Jaan Tamm ask for new bridges - Riga rejects '
            '"the old plan"\n'
            "Mayor Peeter Kask opened the talks on Monday. They lasted four hours. Ilze Ozola was not invited.")
    event = extract_event(_analysed(text))
    assert {p.name for p in event.participants if p.took_part} >= {"Anna Kivi", "Jaan Tamm", "Peeter Kask"}
    assert "Ilze Ozola" in {p.name for p in event.participants if not p.took_part}


@pytest.mark.parametrize(("sentence", "actors"), [
    ("Jaan Tamm scored twice in the Owls' 3-1 win over the Narva Foxes.", {"Tamm", "Foxes"}),
    ("The Owls fell to fourth place after their loss to the Narva Foxes.", {"Owls", "Foxes"}),
])
def test_both_sides_of_a_contest_took_part(sentence: str, actors: set[str]) -> None:
    assert actors <= _actor_words(sentence)


def test_a_role_described_in_the_lead_is_the_person_who_holds_it(tmp_path: Path) -> None:
    (tmp_path / "strait.txt").write_text(
        "Vestra pledges ships for the strait\n\n"
        "TALLINN, March 4 2025 - Vestran Prime Minister Mari Lepik on Tuesday held a joint press conference with "
        "the President of Latvia at the government house in Tallinn.\n\n"
        "The two leaders agreed to patrol the strait together, Lepik said.\n\n"
        "Latvian President Andres Berg said his country would send two ships. Critics, including the opposition "
        "leader Jaan Tamm, said the plan came too late.\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([str(tmp_path / "strait.txt")], store)
        [event] = build_timeline(store)
    assert event.participants == ["Mari Lepik", "Andres Berg"] and event.named == ["Jaan Tamm"]
    source = event.source("participant", "Andres Berg")
    assert source is not None and source.text == "the President of Latvia"


def test_the_owner_of_what_a_speaker_judges_is_no_actor() -> None:
    found = _actor_words("The Ozola government's treatment of migrants is cruel, said Prime Minister Mari Lepik.")
    assert {"Lepik"} <= found and "Ozola" not in found


def test_one_article_that_breaks_the_actor_parse_keeps_the_batch_going(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import pipeline

    def flaky(items, parsed=None):  # noqa: ANN001, ANN202
        if any("BOOM" in i.article.text for i in items):
            raise RuntimeError("batch" if len(items) > 1 else "this one")
        return [[(0, 5)] for _ in items]

    docs = [RawDocument(source=f"{n}.txt", path=f"{n}.txt", text=text, format="txt")
            for n, text in (("good", "Lepik met Berg in Riga on Monday."), ("bad", "BOOM went the harbour on Monday."))]
    monkeypatch.setattr(pipeline, "find_actors", flaky)
    report = IngestReport()
    items = process_batch(docs, Lexicon(), report)
    assert [i.actors for i in items] == [[(0, 5)], None]
    assert report.failed == 1 and "reading who took part failed" in report.failures[0].reason
    assert report.failures[0].path == "bad.txt"


def test_a_sentence_the_quote_stage_parsed_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.quotes import quote_and_parse
    from storyline.stories import actors

    text = ("Strait pact signed\nLepik said on Tuesday that Berg had signed the strait pact in Riga. "
            "The ships sail in May. Tamm was not there.")
    [a] = process_batch([RawDocument(source="p.txt", path="p.txt", text=text, format="txt")], Lexicon(),
                        IngestReport())
    [(_, parse)] = quote_and_parse([a])
    parsed_here: list[tuple[int, int]] = []
    real = actors.parse_spans

    def counting(articles, **kw):  # noqa: ANN001, ANN202
        parsed_here.extend(span for _, spans in articles for span in spans)
        return real(articles, **kw)

    monkeypatch.setattr(actors, "parse_spans", counting)
    [alone] = find_actors([a])
    everything = list(parsed_here)
    parsed_here.clear()
    assert find_actors([a], parsed=[parse]) == [alone]
    text = a.article.text
    said = text.index("Lepik said")
    assert any(start == said for start, _ in everything)
    assert not any(start == said for start, _ in parsed_here) and len(parsed_here) < len(everything)
    assert {text[s:e] for s, e in alone} >= {"Lepik", "Berg"}
