"""The English model reads English articles only: a page in another language is stored and
searchable, but gives no people and no quotations (the model would read its capitalised nouns
as people); a short text whose language identification cannot be trusted stays English."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from storyline.clean import Lexicon
from storyline.cli import app
from storyline.pipeline import process_batch
from storyline.records import IngestReport, RawDocument

GERMAN = (
    "Neue Regeln für die Hafenverwaltung in Vestra\n\n"
    "Die Hafenverwaltung von Vestra hat am Montag neue Regeln für den Fährverkehr vorgestellt. "
    "Künftig müssen alle Schiffe ihre Ankunft zwei Stunden vorher melden, teilte die Behörde mit. "
    "„Wir wollen die Wartezeiten am Kai deutlich verkürzen“, sagte Hafendirektorin Liis Kask bei "
    "der Vorstellung im Rathaus. Die Reedereien begrüßten die Pläne grundsätzlich, forderten aber "
    "eine längere Übergangsfrist. Sämtliche Daten sollen künftig über eine gemeinsame Plattform "
    "ausgetauscht werden, die der Hafen im kommenden Frühjahr in Betrieb nehmen will.\n"
)
ENGLISH = (
    "Harbour sets new ferry rules\n\n"
    "The harbour authority of Vestra announced new rules for ferry traffic on Monday. "
    "\"We want to cut the waiting times at the quay,\" said harbour director Liis Kask at the town hall.\n"
)
HEADLINE = "Stock Market News for March 10 - Market News\n\nStock Market News for March 10\n"


def _analysed(name: str, text: str):  # noqa: ANN202 - AnalysedArticle
    doc = RawDocument(source=name, path=name, text=text, format="txt")
    [item] = process_batch([doc], Lexicon(), IngestReport())
    return item


def test_an_article_in_another_language_gives_no_people_and_no_quotes() -> None:
    german = _analysed("hafen.txt", GERMAN)
    assert german.article.language == "de"
    assert german.sentences, "still split into sentences, for search and summaries"
    assert german.mentions == [] and german.quotes == []


def test_the_same_story_in_english_gives_its_speaker() -> None:
    english = _analysed("harbour.txt", ENGLISH)
    assert english.article.language == "en"
    assert any(m.label == "PERSON" and m.text == "Liis Kask" for m in english.mentions)
    assert [q.speaker_mention for q in english.quotes if q.kind == "direct"]


def test_a_headline_too_short_to_be_sure_of_its_language_stays_english() -> None:
    headline = _analysed("markets.txt", HEADLINE)
    assert headline.article.language != "en" and headline.article.words < 50  # py3langid's guess: Nigerian Pidgin
    assert headline.mentions, "a short headline keeps the English model's mentions, whatever its language guess"


def test_ingest_says_how_many_articles_it_could_not_read_in_english(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hafen.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "harbour.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 0, result.stdout
    said = " ".join(result.stdout.split())  # the console wraps long lines
    assert "2 articles stored" in said
    assert "1 of them in another language: stored and searchable, without entities or quotations" in said
