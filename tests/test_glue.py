"""Tests of glued-word repair: table-driven splits, a big table of text that must not
change, and properties (only spaces are inserted; repairing twice changes nothing).

All names are invented; the tiny corpus below is what the lexicon learns from.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.glue import Lexicon, glued_stems, repair_glued, split_glued

CORPUS = [
    "Minister Valdric Ormundsen met reporters in Tarnow on Monday.",
    "Ormundsen later told the committee that the budget was final.",
    "The envoy Irena Teskova spoke after Ormundsen left the room.",
    "Teskova said the talks with the OSCE would resume soon.",
    "Observers from the OSCE arrived on Friday with Marek DeVrane.",
    "DeVrane thanked the hosts. Later DeVrane flew home.",
    "Senator Halbrook answered questions. Halbrook smiled and left.",
    "Kelmorawarned that prices would rise, and Kelmoraand her staff left early.",
    "The mayor, Pavel Kessarin, thanked voters. Kessarin promised more buses.",
    # real-looking names built on other corpus names: they must stay whole
    "Coach Robert Vanstrom praised Robertas Zelvys. Robert smiled; Robertas did not.",
    "Karol Piatek and Karolis Brazd met. Karol spoke first.",
    "Later Margit Tarvas met Irena Teskova in Tarnow.",
    "Ministers met in Lodz, where Anton De Vrane spoke.",
    "Draven Osk met Dravenin Tull. Draven waved at Dravenin, who waved back.",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_texts(CORPUS)


def _insert_only(before: str, after: str) -> bool:
    """``after`` is ``before`` with some single spaces inserted, nothing else."""
    i = 0
    for ch in after:
        if i < len(before) and ch == before[i]:
            i += 1
        elif ch != " ":
            return False
    return i == len(before)


SPLITS = [
    # (c) corpus name + follower word
    ("Ormundsenwarned of delays.", "Ormundsen warned of delays."),
    ("The envoy Teskovaand her aides", "The envoy Teskova and her aides"),
    ("Minister Ormundsenin addition to that", "Minister Ormundsen in addition to that"),
    ("The deal, Halbrooksaid, was close.", "The deal, Halbrook said, was close."),
    ("Marek DeVraneand his team", "Marek DeVrane and his team"),
    ("the view of Kessarinon the buses", "the view of Kessarin on the buses"),
    # (c) a glued stem: "Kelmora" is never seen alone, but glued to two followers
    ("Kelmoraalso agreed.", "Kelmora also agreed."),
    ("Kelmorawarned again", "Kelmora warned again"),
    # (c) an acronym + follower, a common capitalised word + long follower
    ("the OSCEwarned that", "the OSCE warned that"),
    ("Washingtonand Ottawa agreed", "Washington and Ottawa agreed"),
    ("the report, Teskovaagreed, was late", "the report, Teskova agreed, was late"),
    # (c) the surname after a particle counts: "DeVrane" vouches for "Vrane"
    ("Marek De Vraneand his team", "Marek De Vrane and his team"),
    # (b) CamelCase joins
    ("Pavel KessarinLithuanian officials", "Pavel Kessarin Lithuanian officials"),
    ("Irena VelmorthPresident of the board", "Irena Velmorth President of the board"),
    ("Irena TeskovaOrmundsen", "Irena Teskova Ormundsen"),
    ("OSCEOrmundsen: all sides agree", "OSCE Ormundsen: all sides agree"),
    ("the EUCommission said", "the EU Commission said"),
    ("the final NATOSummit", "the final NATO Summit"),
    ("the envoy of the EUVelmar Osk", "the envoy of the EU Velmar Osk"),  # a known acronym, a new word
    ("Margit TarvasTeskova", "Margit Tarvas Teskova"),  # "Tarvas" was seen alone once: enough on the left
    ("an unknown VelmorthKessarinand", "an unknown VelmorthKessarinand"),  # three parts: left alone
    # (a) closing quotes and punctuation glued to the next word
    ("to end the war.”declared the envoy", "to end the war.” declared the envoy"),
    ("“in Tarnow or Lodz”after the vote", "“in Tarnow or Lodz” after the vote"),
    ("“Yes,”said Teskova.", "“Yes,” said Teskova."),
    ("«We agree»said Teskova.", "«We agree» said Teskova."),
    ('"We agree,"said Teskova.', '"We agree," said Teskova.'),
    ('He said "no."Then he left.', 'He said "no." Then he left.'),
    ("The talks ended.The envoy left.", "The talks ended. The envoy left."),
    ("in Tarnow.Ormundsen left", "in Tarnow. Ormundsen left"),
    ("Poland,Latvia and Estonia", "Poland, Latvia and Estonia"),
    ("Halbrook:Washington must act", "Halbrook: Washington must act"),
    ("Really?Nobody came.", "Really? Nobody came."),
    ("He met Mr.Halbrook", "He met Mr. Halbrook"),
    # several rules on one line
    ("“It is over.”Ormundsenwarned.Teskovaand DeVrane left.",
     "“It is over.” Ormundsen warned. Teskova and DeVrane left."),
    ("in Tarnow.Ormundsenwarned", "in Tarnow. Ormundsen warned"),
    ("Ormundsenwarned's critics", "Ormundsen warned's critics"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_splits(text: str, expected: str, lexicon: Lexicon) -> None:
    assert repair_glued(text, lexicon) == expected
    assert _insert_only(text, expected)


UNCHANGED = [
    # real names and words, whatever they look like
    "Johnson", "Washington", "Stoltenberg", "Iceland", "YouTube", "McDonald", "McDonald's",
    "DeCroo", "De Croo", "MacArthur", "iPhone", "JPMorgan", "PlayStation", "LeBron", "DiCaprio",
    "VanDyke", "O'Neill", "al-Assad", "Al-Qaeda", "Martin", "Putin", "Poland", "Jonas", "Thomas",
    "Finland", "Robin", "Austin", "Benin", "Kremlin", "Paris", "Lewis", "Markin", "Marcin",
    "Vasilis", "Nikolas", "Janis",
    # corpus names built on other corpus names, and Baltic names on a known first name
    "Dravenin", "Robertas", "Karolis", "Ormundsen", "Teskova", "Kelmora", "DeVrane",
    # brands and CamelCase names
    "ArcelorMittal", "UkrInform", "BioNTech", "OpenAI", "EnergoAtom", "SberBank", "KyivStar",
    "WhatsApp", "LinkedIn", "GoFundMe", "SpaceX", "eBay", "MasterCard", "BlackRock", "FedEx",
    "IBMer", "IBMers", "ESPNews", "USAir", "SQLite", "OKCupid",
    "VelmarTeskova",  # right part a name, left part never seen alone: could be a brand
    # acronyms, plurals of acronyms, all caps, mixed
    "NATO", "OSCE", "NATOs", "CEOs", "PhDs", "MPs", "COVID-19", "F-16s", "RTK24", "ORMUNDSENWARNED",
    "THE OSCE AND NATO", "USAID", "UNHCR",
    # numbers, URLs, e-mails, handles, hashtags, paths
    "20.000 rifles", "2%", "3% of output", "3.5 million", "No.1", "2021-03-14", "1,000", "10:30",
    "U.S.", "U.S.A.", "e.g. this", "i.e. that", "a.m.", "www.example.com", "Visit Example.Com today",
    "https://example.com/OrmundsenWarned", "https://news.example.org/Teskovaand?id=Kelmorawarned",
    "info@OrmundsenGroup.com", "#NATOSummit", "#Ormundsenwarned", "@OrmundsenPress",
    "Sputnik/Ormundsen", "C:\\Users\\OrmundsenWarned", "Teskova.Ormundsen.Kessarin",
    # lower-case glues are too risky to touch; tokens with digits, hyphens, apostrophes
    "inthe", "ormundsenwarned", "Kelmorawarned2", "Teskovaand-style", "Ormundsen-led",
    "Ormundsen's", "Ormundsen’s", "D'Ormundsen",
    # function words and common words glued to nothing
    "Thein", "Theand", "Within", "Whatin", "Butin",
    # quotes that open, not close
    'He said,"We will go."', "said ”the deal was done", "said: ”Now”", "(”Next”)",
    '"Yes", he said.', "“We will not stop,” she said.", "nearer ” to the old harbour”",
    # ordinary prose and odd spacing
    "The envoy met the OSCE team in Tarnow on Monday, and Ormundsen said the talks went well.",
    "Ormundsen , Teskova and Kessarin", "(...) and then", "clip 3/5", "wait...What", "Yes!!",
    "Teskova: the talks will resume.", "Ormundsen (left) and Teskova (right).", "",
    "a\nb", "Ormundsen\nwarned", "  spaced  out  ",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(text: str, lexicon: Lexicon) -> None:
    assert repair_glued(text, lexicon) == text


@pytest.mark.parametrize("text", UNCHANGED[:40])
def test_unchanged_with_empty_lexicon(text: str) -> None:
    assert repair_glued(text, Lexicon()) == text


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Ormundsenwarned", "Ormundsen warned"),
        ("Kelmoraand", "Kelmora and"),
        ("OSCEOrmundsen", "OSCE Ormundsen"),
        ("KessarinLithuanian", "Kessarin Lithuanian"),
        ("Tarnow”after", "Tarnow” after"),
        ("DeCroo", "DeCroo"),
        ("Johnson", "Johnson"),
        ("Dravenin", "Dravenin"),
        ("inthe", "inthe"),
        ("Ormundsenw", "Ormundsenw"),
    ],
)
def test_split_glued(token: str, expected: str, lexicon: Lexicon) -> None:
    assert split_glued(token, lexicon) == expected


def test_lexicon_names_need_two_sightings() -> None:
    lex = Lexicon()
    lex.observe("We met Brannovic in town.")
    assert not lex.is_name("Brannovic")  # one sighting may be a glue itself
    lex.observe("Later Brannovic left.")
    assert lex.is_name("Brannovic")
    assert lex.name_counts()["Brannovic"] == 2


def test_lexicon_counts_surname_after_particle() -> None:
    lex = Lexicon()
    lex.observe("Anton DeVrane and Sara McTavish met.")
    counts = lex.name_counts()
    assert counts["DeVrane"] == counts["Vrane"] == counts["Tavish"] == 1


def test_lexicon_skips_common_words_at_sentence_start() -> None:
    lex = Lexicon()
    lex.observe("The vote failed. But the Senate met. “However, Brannovic won.”")
    counts = lex.name_counts()
    assert "The" not in counts and "But" not in counts and "However" not in counts
    assert counts["Senate"] == 1 and counts["Brannovic"] == 1


def test_lexicon_words_and_known() -> None:
    lex = Lexicon()
    assert lex.is_word("warned") and lex.is_word("in") and lex.is_word("After")
    assert not lex.is_word("Ormundsen")
    assert lex.is_known("Stoltenberg")  # rare in wordfreq, still known: never split
    assert not lex.is_known("Ormundsenwarned")


def test_name_counts_round_trip(lexicon: Lexicon) -> None:
    again = Lexicon(lexicon.name_counts(), stems=lexicon.stems)
    for text, expected in SPLITS:
        assert repair_glued(text, again) == expected


def test_glued_stems() -> None:
    lex = Lexicon()
    texts = ["Kelmorawarned that it was late.", "Kelmoraand the rest left.", "Tarvoin the end."]
    assert glued_stems(texts, lex) == {"Kelmora"}
    # one follower is not enough, and two short ones ("Jonas"/"Jonin") are too weak
    assert glued_stems(["Kelmorawarned twice. Kelmorawarned."], lex) == set()
    assert glued_stems(["Vardinas and Vardinis."], lex) == set()
    # URLs and known words do not make stems
    assert glued_stems(["https://x.example/Kelmorawarned https://x.example/Kelmoraand"], lex) == set()


def test_stems_feed_the_lexicon() -> None:
    lex = Lexicon()
    assert repair_glued("Kelmorasaid no.", lex) == "Kelmorasaid no."
    lex.add_stems(glued_stems(["Kelmorawarned today.", "Kelmoraand him."], lex))
    assert repair_glued("Kelmorasaid no.", lex) == "Kelmora said no."


def test_protected_when_seen_as_a_name(lexicon: Lexicon) -> None:
    # "Dravenin" = corpus name "Draven" + "in", but it is itself a corpus name
    assert lexicon.is_name("Draven") and lexicon.is_name("Dravenin")
    assert repair_glued("Dravenin spoke.", lexicon) == "Dravenin spoke."


def test_observe_invalidates_memo() -> None:
    lex = Lexicon()
    assert repair_glued("Tarvowarned", lex) == "Tarvowarned"
    lex.observe("Tarvo came. Tarvo left.")
    assert repair_glued("Tarvowarned", lex) == "Tarvo warned"


def test_long_inputs_are_fast(lexicon: Lexicon) -> None:
    nasty = ["A" * 50_000, "Aa" * 25_000, ("Ormundsenwarned.”" * 3000), ("x." * 25_000), ('"a' * 25_000)]
    started = time.perf_counter()
    for text in nasty:
        assert _insert_only(text, repair_glued(text, lexicon))
    assert time.perf_counter() - started < 5


# --- properties -----------------------------------------------------------------

_PIECES = [
    "Ormundsen", "Teskova", "Kelmora", "OSCE", "DeVrane", "Kessarin", "Washington", "Johnson",
    "warned", "and", "in", "said", "Lithuanian", "The", "the", "NATO", "Stoltenberg", "iPhone",
    "McDonald", "O'Neill", "al-", "19", "20.000", "www.", ".com", "@", "#", "/", "https://",
    " ", " ", " ", "\n", ".", ",", ":", "?", "!", ";", "-", "'", "’", '"', "”", "“", "»", "«", "(", ")",
    "a", "A", "Z", "é", "Ł",
]
texts = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
    st.text(max_size=80),
)


_LEX = Lexicon.from_texts(CORPUS)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_only_spaces_are_inserted(text: str) -> None:
    out = repair_glued(text, _LEX)
    assert out.replace(" ", "") == text.replace(" ", "")
    assert _insert_only(text, out)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_idempotent(text: str) -> None:
    once = repair_glued(text, _LEX)
    assert repair_glued(once, _LEX) == once


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_lexicon_from_any_text(text: str) -> None:
    lex = Lexicon.from_texts([text, *CORPUS])
    out = repair_glued(text, lex)
    assert _insert_only(text, out)
    assert repair_glued(out, lex) == out
