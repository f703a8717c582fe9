"""The entity and time stage inside ingest: store, CLI and export, on articles written for this test.

The fast tests build records by hand; the ``slow`` ones ingest a three-article corpus
with spaCy, once per module.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.entities import EntityIndex
from storyline.entities.roles import RoleFact
from storyline.entities.stage import date_and_timexes, event_days, said_on, speaker, speaker_of
from storyline.quotes.speakers import related_to
from storyline.records import Mention, Quote, Role, Sentence
from storyline.store import Store
from storyline.timex import AnchorEvent

runner = CliRunner()

#: a stated date (a dateline), a quote "said on Tuesday", a photographer in a caption credit
ARCTIC = (
    "Dahl calls for a joint Arctic patrol plan\n\n"
    "OSLO, May 16, 2024 (NTB) - Norwegian Foreign Minister Eirik Dahl called on the Nordic allies to agree on a "
    "joint patrol plan for the Arctic.\n\n"
    "“The High North cannot wait for another winter,” Dahl said on Tuesday at a press conference in Oslo.\n\n"
    "Dahl also met Lithuanian President Gintaras Vaičiulis, who backed the plan.\n\n"
    "Eirik Dahl and Gintaras Vaičiulis after the talks in Oslo (REUTERS / Lena Holmqvist)\n"
)
#: the same president as a translation spells him; no stated date, one dated event in the text
PORTS = (
    "Vaiciulis wants more ships in Klaipėda\n\n"
    "Lithuanian President Gintar Vaiciulis said the port of Klaipėda needs a permanent allied naval presence.\n\n"
    "The agreement on port access, signed on 3 March 2023, expires next year.\n\n"
    "“Our coast is the alliance's coast,” Vaiciulis told reporters.\n"
)
#: nobody named: the speaker is a description only the corpus can resolve; no date anywhere
DIPLOMAT = (
    "Nordic ministers meet in Reykjavik\n\n"
    "Ministers from the five Nordic countries met in Reykjavik to discuss the Arctic.\n\n"
    "“We have agreed to share our radar data from the first day of next month,” said the Norwegian diplomat "
    "after the meeting.\n\n"
    "The talks will continue in the autumn.\n"
)
KB = """\
people:
  - name: Eirik Dahl
    aliases: [E. Dahl]
    nationality: Norway
    roles:
      - {title: Foreign Minister, org: Norway, from: 2023-10-16}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("entities") / "in"
    folder.mkdir()
    for name, text in (("01_arctic.txt", ARCTIC), ("02_ports.txt", PORTS), ("03_diplomat.txt", DIPLOMAT)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path) -> str:
    path = str(corpus.parent / "s.db")
    code, out, err = run("ingest", str(corpus), "--db", path, "-q")
    assert code == 0, out + err
    return path


def _people(db: str) -> dict[str, dict]:
    with Store(db, readonly=True) as store:
        return {e["name"]: e for e in store.entities(type="PERSON", limit=None)}


def _quotes(db: str) -> list[Quote]:
    with Store(db, readonly=True) as store:
        return store.quotes(limit=None)


def _article(db: str, word: str):  # noqa: ANN202
    with Store(db, readonly=True) as store:
        return next(a for a in store.iter_articles() if word in (a.title or ""))


# -- the whole stage, with spaCy --------------------------------------------------------------


@pytest.mark.slow
def test_spellings_of_one_person_across_articles_are_one_entity_with_the_full_name(db: str) -> None:
    people = _people(db)
    assert set(people) == {"Eirik Dahl", "Gintaras Vaičiulis"}
    president = people["Gintaras Vaičiulis"]
    assert {"Gintar Vaiciulis", "Vaiciulis"} <= set(president["aliases"])
    assert president["mentions"] == 4 and president["quotes"] == 2
    assert ("President", "Lithuania") in {(r["title"], r["org"]) for r in president["roles"]}
    with Store(db, readonly=True) as store:
        ids = {r["entity_id"] for r in store.db.execute("SELECT entity_id FROM mentions WHERE text LIKE '%Vai%'")}
    assert ids == {"person:gintaras-vaiciulis"}
    with Store(db, readonly=True) as store:  # looked up by spellings the corpus never wrote
        assert store.find_entities("Gintar Vaičiulis") == ["person:gintaras-vaiciulis"]  # an alias, folded
        assert store.find_entities("Gintaras Vaičiuliss") == ["person:gintaras-vaiciulis"]  # a doubled letter
        assert store.find_entities("Gintaras Vaičiuliss", variants=False) == []
        assert store.person_variants("Gintaras Vaičiuliss") == ["person:gintaras-vaiciulis"]
        assert store.find_entities("Marta Vaičiulis") == []  # another first name is another person


@pytest.mark.slow
def test_a_photographer_in_a_caption_is_not_an_entity(db: str) -> None:
    with Store(db, readonly=True) as store:
        names = {n for e in store.entities(limit=None) for n in (e["name"], *e["aliases"])}
        assert store.find_entities("Lena Holmqvist") == [] and store.find_entities("Holmqvist") == []
    assert not any("Holmqvist" in n for n in names)
    assert "Lena Holmqvist" in {p for c in _article(db, "Dahl").captions for p in c.photographers}


@pytest.mark.slow
def test_a_described_speaker_gets_the_id_and_name_of_the_person(db: str) -> None:
    quote = next(q for q in _quotes(db) if q.speaker_mention == "the Norwegian diplomat")
    assert (quote.speaker_id, quote.speaker) == ("person:eirik-dahl", "Eirik Dahl")
    quote = next(q for q in _quotes(db) if q.speaker_mention == "Lithuanian President Gintar Vaiciulis")
    assert (quote.speaker_id, quote.speaker) == ("person:gintaras-vaiciulis", "Gintaras Vaičiulis")
    assert all(q.speaker_id != "place:oslo" for q in _quotes(db))  # a dateline's city says nothing


@pytest.mark.slow
def test_publication_date_stated_inferred_or_null(db: str) -> None:
    stated, inferred, none = _article(db, "Dahl"), _article(db, "Vaiciulis"), _article(db, "Nordic")
    assert (stated.published, stated.published_inferred) == ("2024-05-16", False)
    assert (inferred.published, inferred.published_inferred) == ("2023-03-03", True)
    assert 0 < inferred.published_confidence <= 1
    assert (none.published, none.published_inferred, none.published_confidence) == (None, False, None)
    code, out, _ = run("articles", "--db", db)
    assert code == 0 and "2023-03-03?" in out
    code, out, _ = run("show", inferred.id, "--db", db)
    assert code == 0 and "2023-03-03 (inferred)" in out


@pytest.mark.slow
def test_said_on_is_the_day_the_reporting_clause_names(db: str) -> None:
    quote = next(q for q in _quotes(db) if q.text.startswith("The High North"))
    assert quote.said_on == "2024-05-14"  # "said on Tuesday" in a paper of Thursday 16 May 2024
    undated = next(q for q in _quotes(db) if q.text.startswith("Our coast"))
    assert undated.said_on is None  # not the publication date: the query layer falls back to it
    with Store(db, readonly=True) as store:
        values = {t.text: t.value for t in store.timexes(_article(db, "Dahl").id)}
    assert values["Tuesday"] == "2024-05-14"


@pytest.mark.slow
def test_entities_and_entity_commands(db: str) -> None:
    code, out, _ = run("entities", "--db", db, "--type", "PERSON")
    assert code == 0 and "Gintaras Vaičiulis" in out and "Eirik Dahl" in out and "Oslo" not in out
    code, out, _ = run("entities", "--db", db, "--json", "--limit", "1", "--type", "person")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 1 and rows[0]["type"] == "PERSON"
    assert {"id", "name", "type", "aliases", "roles", "mentions", "quotes"} <= set(rows[0])
    code, out, _ = run("entities", "--db", db, "--type", "PLANET")
    assert code == 1
    code, out, _ = run("entity", "vaiciulis", "--db", db)  # no diacritics, lower case
    assert code == 0 and "Gintaras Vaičiulis" in out and "President, Lithuania" in out
    assert "Our coast is the alliance" in out
    code, out, _ = run("entity", "Eirik Dahl", "--db", db, "--json")
    profile = json.loads(out)
    # the dateline's lead ("OSLO, … (NTB) - … Eirik Dahl called on the Nordic allies to …") is his too
    assert profile["id"] == "person:eirik-dahl" and profile["quotes"] == 3
    assert [q["date"] for q in profile["quotes_by_date"]] == ["2024-05-14", "2024-05-16", None]  # undated last
    code, _, err = run("entity", "Nobody Atall", "--db", db)
    assert code == 1 and "[E408]" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_entities_rows(db: str, tmp_path: Path, fmt: str) -> None:
    code, _, _ = run("export", "--out", str(tmp_path), "--format", fmt, "--db", db)
    assert code == 0
    path = tmp_path / f"entities.{fmt}"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
        mention_columns = pq.read_table(tmp_path / "mentions.parquet").column_names
    elif fmt == "csv":
        with path.open(encoding="utf-8") as fh:
            rows = [{**r, "aliases": json.loads(r["aliases"]), "roles": json.loads(r["roles"]),
                     "mentions": int(r["mentions"])} for r in csv.DictReader(fh)]
        with (tmp_path / "mentions.csv").open(encoding="utf-8") as fh:
            mention_columns = list(next(csv.DictReader(fh)))
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        mention_columns = list(json.loads((tmp_path / "mentions.jsonl").read_text().splitlines()[0]))
    by_id = {r["id"]: r for r in rows}
    president = by_id["person:gintaras-vaiciulis"]
    assert {"id", "name", "type", "aliases", "roles", "mentions"} <= set(president)
    assert president["name"] == "Gintaras Vaičiulis" and president["mentions"] == 4
    assert "Gintar Vaiciulis" in president["aliases"]
    assert {"title": "President", "org": "Lithuania"}.items() <= president["roles"][0].items()
    assert {"from", "to"} <= set(president["roles"][0])
    assert "entity_id" in mention_columns


@pytest.mark.slow
def test_reingest_does_not_duplicate_entities(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "again.db")

    def snapshot() -> list[tuple]:
        with Store(db, readonly=True) as store:
            return [(e["id"], e["name"], e["mentions"], e["quotes"]) for e in store.entities(limit=None)]

    run("ingest", str(corpus), "--db", db, "-q")
    first = snapshot()
    code, out, _ = run("ingest", str(corpus), "--db", db, "-q")
    assert code == 0 and "3 files skipped" in out and snapshot() == first
    code, _, _ = run("ingest", str(corpus), "--db", db, "-q", "--force")
    assert code == 0 and snapshot() == first


@pytest.mark.slow
def test_kb_file_and_a_malformed_one(corpus: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(KB, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    code, out, err = run("ingest", str(corpus), "--db", db, "-q", "--kb", str(kb))
    assert code == 0, out + err
    code, out, _ = run("entity", "E. Dahl", "--db", db, "--json")  # an alias only the knowledge file gives
    profile = json.loads(out)
    assert profile["nationality"] == "Norway"
    assert {"title": "Foreign Minister", "org": "Norway", "from": "2023-10-16", "to": None, "source": "kb"} \
        in profile["roles"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  - name: Eirik Dahl\n    roles:\n      - {org: Norway}\n", encoding="utf-8")
    code, _, err = run("ingest", str(corpus), "--db", str(tmp_path / "bad.db"), "-q", "--kb", str(bad))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert str(bad) in err and "roles[0]" in err and "docs/entities.md" in err
    assert not (tmp_path / "bad.db").exists()  # stopped before anything was read or created
    code, _, err = run("ingest", str(corpus), "--db", str(tmp_path / "bad.db"), "-q", "--kb", str(tmp_path / "no.yaml"))
    assert code == 1 and "[E406]" in err


@pytest.mark.slow
def test_landmarks_are_kept_in_the_store_like_the_people(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text("events:\n  - {name: Orrin Bay blockade, date: 2021-02-24}\n", encoding="utf-8")
    first, later = tmp_path / "first", tmp_path / "later"
    for folder, text in ((first, "Ferries return to Varna\nThe harbour of Varna was busy again on Monday."),
                         (later, "Varna counts the cost\nSix weeks after the Orrin Bay blockade began, traders in "
                                 "Varna counted their losses today.")):
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run("ingest", str(first), "--db", db, "-q", "--kb", str(kb))[0] == 0
    assert run("ingest", str(later), "--db", db, "-q")[0] == 0  # no --kb: the store remembers the landmark
    with Store(db, readonly=True) as store:
        assert [e.name for e in store.landmarks()] == ["Orrin Bay blockade"]
        dated = store.db.execute("SELECT published, published_inferred FROM articles WHERE title LIKE 'Varna%'")
        assert tuple(dated.fetchone()) == ("2021-04-07", 1)
    kb.write_text("people:\n  - {name: Eirik Dahl}\n", encoding="utf-8")  # the file again, without events
    assert run("ingest", str(first), "--db", db, "-q", "--kb", str(kb))[0] == 0
    with Store(db, readonly=True) as store:
        assert store.landmarks() == ()  # giving the file again replaces what it gave


# -- the pieces, without spaCy -----------------------------------------------------------------


def test_publication_date_is_inferred_only_from_evidence() -> None:
    published, timexes = date_and_timexes("The deal was signed on 3 March 2023 in Riga.", None)
    assert (published.value, published.inferred) == ("2023-03-03", True) and published.confidence > 0
    assert [t.value for t in timexes] == ["2023-03-03"]
    published, timexes = date_and_timexes("The ministers met on Tuesday and will meet again next week.", None)
    assert published.value is None and not published.inferred
    assert all("X" in t.value for t in timexes)  # nothing to anchor them: left underspecified
    published, timexes = date_and_timexes("The ministers met on Tuesday.", "2024-05-16")
    assert (published.value, published.inferred, timexes[0].value) == ("2024-05-16", False, "2024-05-14")


def test_knowledge_file_landmarks_date_the_article_and_its_days() -> None:
    events = (AnchorEvent("Orrin Bay blockade", "2021-02-24"),)
    text = "Six weeks after the Orrin Bay blockade began, the ministers met today in Varna."
    published, timexes = date_and_timexes(text, None, events)
    assert (published.value, published.inferred) == ("2021-04-07", True)
    assert ("today", "2021-04-07") in [(t.text, t.value) for t in timexes]  # anchored on the inferred day
    published, _ = date_and_timexes(text, None)
    assert published.value is None  # the text alone names no year


def test_said_on_reads_the_reporting_clause_not_the_quote_or_the_future() -> None:
    text = "On Tuesday Dahl said the allies will meet on Friday. Dahl said: “We met on Monday.”"
    _, timexes = date_and_timexes(text, "2024-05-16")  # Thursday
    days = event_days(timexes, "2024-05-16")
    sentences = [Sentence(0, 52), Sentence(53, len(text))]
    reported = Quote("a", "the allies will meet on Friday", 16, 51, "indirect", cue="said", cue_start=16,
                     cue_end=20)
    assert said_on(reported, text, sentences, days) == "2024-05-14"
    direct = Quote("a", "We met on Monday.", 64, 81, "direct", pieces=[(64, 81)], cue="said", cue_start=58,
                   cue_end=62)
    assert said_on(direct, text, sentences, days) is None  # Monday is inside what was said
    ahead = "Dahl said that the summit on Friday will decide."
    _, timexes = date_and_timexes(ahead, "2024-05-16")
    quote = Quote("a", "the summit on Friday will decide", 10, 48, "indirect", cue_start=5)
    assert said_on(quote, ahead, [Sentence(0, len(ahead))], event_days(timexes, "2024-05-16")) is None


def test_speaker_of_never_guesses() -> None:
    index = EntityIndex()
    text = "Norwegian Foreign Minister Eirik Dahl met Anna Berg and Tom Berg in Oslo."
    people = [Mention(27, 37, "Eirik Dahl", "PERSON"), Mention(42, 51, "Anna Berg", "PERSON"),
              Mention(56, 64, "Tom Berg", "PERSON"), Mention(68, 72, "Oslo", "GPE")]
    fact = RoleFact("Eirik Dahl", 27, 37, Role("Foreign Minister", None, "2024-05-16", "2024-05-16"), "Norway")
    links = index.add_article("a", "2024-05-16", people, [fact], text=text)
    linked = [Mention(m.start, m.end, m.text, m.label, links[(m.start, m.end)]) for m in people]

    def who(**kw: object) -> str | None:
        return speaker_of(Quote("a", "…", 0, 1, "direct", **kw), linked, [], index)

    assert who(speaker_mention="Norwegian Foreign Minister Eirik Dahl", speaker_start=0, speaker_end=37) \
        == "person:eirik-dahl"
    assert who(speaker_mention="he", speaker_start=80, speaker_end=82, speaker="Eirik Dahl") == "person:eirik-dahl"
    assert who(speaker_mention="Berg", speaker="Berg") is None  # two Bergs: no guess
    assert who(speaker_mention="Oslo", speaker_start=68, speaker_end=72, speaker="Oslo") is None
    assert who(speaker_mention="officials") is None


def _linked(text: str, found: list[Mention]) -> tuple[EntityIndex, dict, list[Mention]]:
    """A fresh index with one article: the index, its links and the mentions with their entity ids."""
    index = EntityIndex()
    links = index.add_article("a", "2024-05-16", found, text=text)
    return index, links, [Mention(m.start, m.end, m.text, m.label, links[(m.start, m.end)]) for m in found]


def test_he_or_she_is_never_an_organisation_or_a_place() -> None:
    text = "Eirik Dahl met the Vestra Harbour Board in Oslo."
    index, links, linked = _linked(text, [Mention(0, 10, "Eirik Dahl", "PERSON"),
                                          Mention(19, 39, "Vestra Harbour Board", "ORG"),
                                          Mention(43, 47, "Oslo", "GPE")])

    def who(mention: str, name: str) -> tuple[str | None, str | None]:
        q = Quote("a", "…", 0, 1, "direct", speaker_mention=mention, speaker_start=60, speaker_end=62, speaker=name)
        return speaker(q, linked, [], index, text)

    board = links[(19, 39)]
    assert who("he", "Eirik Dahl") == ("person:eirik-dahl", "Eirik Dahl")
    assert who("she", "Vestra Harbour Board") == (None, None)
    assert who("the board", "Vestra Harbour Board") == (board, index.entity(board).name)
    assert who("he", "Karl Lepik") == (None, "Karl Lepik")  # nobody the corpus knows: the article's name stays


def test_a_person_who_owns_the_speaker_mention_is_not_the_speaker() -> None:
    text = "Eirik Dahl's lawyer said an appeal would follow. Eirik Dahl's aide Anna Berg agreed."
    index, links, linked = _linked(text, [Mention(0, 10, "Eirik Dahl", "PERSON"),
                                          Mention(49, 59, "Eirik Dahl", "PERSON"),
                                          Mention(67, 76, "Anna Berg", "PERSON")])

    def who(start: int, end: int) -> str | None:
        q = Quote("a", "…", 0, 1, "indirect", speaker_mention=text[start:end], speaker_start=start, speaker_end=end)
        return speaker_of(q, linked, [], index, text)

    assert who(0, 19) is None  # "Eirik Dahl's lawyer": nobody the corpus knows
    assert who(49, 76) == links[(67, 76)]  # "Eirik Dahl's aide Anna Berg": the aide
    assert who(0, 10) == links[(0, 10)]


def test_a_person_the_speakers_description_names_is_not_the_speaker() -> None:
    text = "A source close to Eirik Dahl said the talks had failed. A spokesman for Eirik Dahl denied it."
    index, links, linked = _linked(text, [Mention(18, 28, "Eirik Dahl", "PERSON"),
                                          Mention(72, 82, "Eirik Dahl", "PERSON")])

    def who(start: int, head_end: int, end: int, name: str | None) -> str | None:
        q = Quote("a", "…", 0, 1, "indirect", speaker_mention=text[start:end], speaker_start=start,
                  speaker_end=end, speaker_head_end=head_end, speaker=name)
        return speaker_of(q, linked, [], index, text)

    assert who(0, 8, 28, None) is None  # "A source | close to Eirik Dahl": someone near him, unnamed
    # "A spokesman | for Eirik Dahl": the quote stage resolved whom the spokesman speaks for
    assert who(56, 67, 82, "Eirik Dahl") == links[(72, 82)]


def test_a_relative_of_the_one_a_speaker_mention_names_is_not_them() -> None:
    text = "The son of Eirik Dahl said the talks had failed. The younger Dahl said more. Eirik Dahl said no."
    index, links, linked = _linked(text, [Mention(11, 21, "Eirik Dahl", "PERSON"), Mention(61, 65, "Dahl", "PERSON"),
                                          Mention(77, 87, "Eirik Dahl", "PERSON")])

    def who(start: int, end: int) -> str | None:
        # as the quote stage gives it: the mention's head ends before the relative's name
        q = Quote("a", "…", 0, 1, "indirect", speaker_mention=text[start:end], speaker_start=start,
                  speaker_end=end, speaker=text[start:end], speaker_head_end=related_to(text, start, end))
        return speaker_of(q, linked, [], index, text)

    assert related_to(text, 0, 21) == 10 and related_to(text, 49, 65) == 60
    assert who(0, 21) is None  # "The son of Eirik Dahl"
    assert who(49, 65) is None  # "The younger Dahl"
    assert related_to(text, 77, 87) is None and who(77, 87) == links[(77, 87)]  # must not change: the man himself
    # a description the quote stage kept as the speaker is no one's, even where the name in it went untagged
    q = Quote("a", "…", 0, 1, "indirect", speaker_mention="The son of Eirik Dahl", speaker_start=0, speaker_end=21,
              speaker="The son of Eirik Dahl", speaker_head_end=10)
    assert speaker_of(q, [m for m in linked if m.start != 11], [], index, text) is None


def test_the_index_resumes_from_the_store(tmp_path: Path) -> None:
    index = EntityIndex()
    text = "Eirik Dahl met Gintaras Vaičiulis in Oslo. Dahl spoke first."
    mentions = [Mention(0, 10, "Eirik Dahl", "PERSON"), Mention(15, 33, "Gintaras Vaičiulis", "PERSON"),
                Mention(37, 41, "Oslo", "GPE"), Mention(43, 47, "Dahl", "PERSON")]
    index.add_article("a", "2024-05-16", mentions, text=text)
    with Store(tmp_path / "s.db") as store:
        store.save_batch([], entities=index.to_dict(index.take_dirty()))
        back = EntityIndex.from_dict(store.entity_index_data())
        aliases = store.db.execute("SELECT alias, key, count FROM entity_aliases WHERE entity_id = ?"
                                   " ORDER BY alias", ("person:eirik-dahl",)).fetchall()
    assert [tuple(r) for r in aliases] == [("Dahl", "dahl", 1), ("Eirik Dahl", "eirikdahl", 1)]
    want = {r["id"]: {**r, "mentions": 0} for r in index.to_dict()["entities"]}
    got = {r["id"]: r for r in back.to_dict()["entities"]}
    assert got == want  # mention counts come from the mentions table: none saved here
    assert back.find_person("Gintaras Vaiciulis") == "person:gintaras-vaiciulis"
    assert index.take_dirty() == set()
