"""Canonical entities across a corpus: variants merged, different people kept apart."""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter

import pytest

from storyline.entities.link import EntityIndex
from storyline.entities.names import canonical_person_name, given_match, names_match, parse_name, surname_match
from storyline.records import Mention


def people(text: str, *names: str, label: str = "PERSON") -> list[Mention]:
    """Every occurrence of each name in ``text`` as a mention (longest names first, no overlaps)."""
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if all(hit.end() <= m.start or m.end <= hit.start() for m in out):
                out.append(Mention(hit.start(), hit.end(), name, label))
    return sorted(out, key=lambda m: m.start)


def add(index: EntityIndex, article_id: str, text: str, *names: str, date: str | None = None) -> dict:
    return index.add_article(article_id, date, people(text, *names))


def person_of(index: EntityIndex, name: str) -> str:
    eid = index.find_person(name)
    assert eid, f"{name} not found"
    return eid


MERGED = [
    pytest.param(["Gitanas Nausėda", "Gitan Nauseda", "Gitanas Nauseda"], "Gitanas Nausėda",
                 id="diacritics+truncation"),
    pytest.param(["Klaus Lohannis", "Klaus Iohannis", "Klaus Lohannis"], "Klaus Iohannis", id="I/l confusion"),
    pytest.param(["Alexander DeCroo", "Alexander De Croo"], "Alexander De Croo", id="space-insensitive"),
    pytest.param(["Vladimir V. Putin", "Vladimir Putin", "Vladimir Putin"], "Vladimir Putin", id="middle initial"),
    pytest.param(["Jens Stoltenberg", "Jens Stoltenbreg", "Jens Stoltenberg"], "Jens Stoltenberg", id="typo"),
    pytest.param(["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky"], "Volodymyr Zelensky",
                 id="doubled letter"),
    pytest.param(["Zuzana Caputova", "Zuzana Čaputová"], "Zuzana Čaputová", id="diacritics win"),
    # one name transliterated several ways: the given name, the surname, or both
    pytest.param(["Mouhannad Haddadin", "Muhannad Hadhadin", "Mohannad Haddadin", "Mouhannad Haddadin"],
                 "Mouhannad Haddadin", id="transliterations"),
    pytest.param(["Youssef Mansouri", "Yusef Mansouri", "Youssef Mansouri"], "Youssef Mansouri",
                 id="transliterated given name"),
    pytest.param(["Abdul Elah Al-Tamimi", "Abdelilah Al-Tamimi", "Abdul Ilah Tamimi", "Abdul Elah Al-Tamimi"],
                 "Abdul Elah Al-Tamimi", id="compound given name in one word or two, surname without the article"),
    pytest.param(["Leila El Madani", "Leila Al Madeni", "Leila El Madani"], "Leila El Madani",
                 id="surnames with their articles alike, without them too short to tell"),
    pytest.param(["Abdel Karim Younes", "Abdul Kareem Younis", "Abdel Karim Younes"], "Abdel Karim Younes",
                 id="two given names agree: a short surname transliterated"),
]


@pytest.mark.parametrize(("variants", "canonical"), MERGED)
def test_variants_across_articles_are_one_entity(variants: list[str], canonical: str) -> None:
    index = EntityIndex()
    ids = set()
    for i, name in enumerate(variants):
        links = add(index, f"a{i}", f"Yesterday {name} spoke to the press.", name)
        ids.update(links.values())
    assert len(ids) == 1
    entity = index.entity(ids.pop())
    assert entity.name == canonical
    assert set(variants) - {canonical} <= set(entity.aliases)


APART = [
    pytest.param("Marta Kowal", "Marek Kowal", id="similar first names"),
    pytest.param("Andrzej Duda", "Agata Duda", id="shared surname"),
    pytest.param("Maria Nowak", "Marta Nowak", id="one letter apart"),
    pytest.param("Paul Weber", "Paula Weber", id="feminine form of a first name"),
    pytest.param("Jan Kowalski", "Jan Kowalska", id="feminine form of a surname"),
    pytest.param("Mark Johnson", "Mark Johnston", id="added consonant"),
    pytest.param("Ivan Petrov", "Ivan Petrova", id="gendered -ov/-ova"),
    # names a transliteration rule must not join
    pytest.param("Mario Rossetti", "Maria Rossetti", id="final vowel of a given name"),
    pytest.param("Mark Berry", "Mark Barry", id="short surnames a vowel apart"),
    pytest.param("Ali Haddadin", "Eli Haddadin", id="short given names"),
    pytest.param("Karim Hussein", "Karim Hassan", id="same sounds, spelt too differently"),
    pytest.param("Abdul Fattah Mansouri", "Abdul Hadi Mansuri", id="second given name differs"),
]


@pytest.mark.parametrize(("a", "b"), APART)
def test_different_people_stay_apart_across_articles(a: str, b: str) -> None:
    index = EntityIndex()
    first = add(index, "a1", f"{a} opened the debate.", a)
    second = add(index, "a2", f"{b} closed the debate.", b)
    assert set(first.values()).isdisjoint(second.values())


@pytest.mark.parametrize(("a", "b"), APART)
def test_different_people_stay_apart_in_one_article(a: str, b: str) -> None:
    index = EntityIndex()
    links = add(index, "a1", f"{a} and {b} signed the letter.", a, b)
    assert len(set(links.values())) == 2


def test_one_name_transliterated_two_ways_in_one_article_is_one_person() -> None:
    """An agency copy edited in part writes one name two ways; a later article then finds one
    person, not two (the T17 Libya reports had split one leader in two this way)."""
    index = EntityIndex()
    links = add(index, "a1", "Muhannad Hadhadin spoke. Later Mouhannad Haddadin left.", "Muhannad Hadhadin",
                "Mouhannad Haddadin")
    later = add(index, "a2", "Mohannad Haddadin returned.", "Mohannad Haddadin")
    assert len(set(links.values()) | set(later.values())) == 1


def test_a_spelling_close_to_two_entities_of_one_name_joins_the_larger() -> None:
    """A store kept one person as two entities (built before a rule joined the spellings, or split
    by the order reports came in); a third spelling that fits both is not a third person."""
    first, second = EntityIndex(), EntityIndex()
    for i in range(3):
        add(first, f"a{i}", "Abdel Basset al-Tamimi spoke.", "Abdel Basset al-Tamimi")
    add(second, "b1", "Abdelbaset al-Tamimi spoke.", "Abdelbaset al-Tamimi")
    rows = first.to_dict()["entities"] + [dict(r, id=r["id"] + "-2") for r in second.to_dict()["entities"]]
    index = EntityIndex.from_dict({"entities": rows})
    assert len(index.entities("PERSON")) == 2
    links = add(index, "c1", "Abdulbasit al-Tamimi returned.", "Abdulbasit al-Tamimi")
    assert set(links.values()) == {rows[0]["id"]}
    # two people whose names do not match each other (brothers) stay two: a short form of both is neither
    index = EntityIndex()
    add(index, "d1", "Karim al-Nour Tamimi met Karim al-Adel Tamimi.", "Karim al-Nour Tamimi", "Karim al-Adel Tamimi")
    links = add(index, "d2", "Karim Tamimi left.", "Karim Tamimi")
    brothers = {person_of(index, "Karim al-Nour Tamimi"), person_of(index, "Karim al-Adel Tamimi")}
    assert len(brothers) == 2 and set(links.values()).isdisjoint(brothers)


def test_surname_alone_links_within_the_article() -> None:
    index = EntityIndex()
    text = "Marta Kowal arrived. Kowal said the plan is ready."
    links = add(index, "a1", text, "Marta Kowal", "Kowal")
    assert len(set(links.values())) == 1


def test_titled_surname_goes_to_the_namesake_who_holds_the_title() -> None:
    """"President Tamm" in an article that names only his wife in full is the president the corpus
    knows, not her; a surname without a title still goes to the one full name of its article."""
    from storyline.entities.roles import find_roles
    index = EntityIndex()

    def feed(article_id: str, text: str, *names: str) -> dict:
        ms = people(text, *names)
        return index.add_article(article_id, "2010-05-01", ms, find_roles(text, ms, date="2010-05-01"))

    feed("a1", "President Karl Tamm opened the harbour.", "Karl Tamm")
    text = "First lady Liis Tamm toured the coast. President Tamm stayed in the capital. Tamm waved."
    links = feed("a2", text, "Liis Tamm", "Tamm")
    by_text = {text[a:b] + f"@{a}": eid for (a, b), eid in links.items()}
    president = text.index("Tamm stayed")
    assert by_text[f"Tamm@{president}"] == person_of(index, "Karl Tamm")
    assert by_text[f"Tamm@{text.index('Tamm waved')}"] == person_of(index, "Liis Tamm")
    assert "President" not in {r.title for r in index.roles_of(person_of(index, "Liis Tamm"))}
    # must not change: a namesake the article itself gives the title keeps the titled surname
    text = "President Ott Tamm of Kivia arrived. President Tamm said little."
    links = feed("a3", text, "Ott Tamm", "Tamm")
    assert links[(text.index("Tamm said"), text.index("Tamm said") + 4)] == person_of(index, "Ott Tamm")


def test_arabic_compound_surname_alone_links_to_the_full_name() -> None:
    """ "Abdel Hamid" is how reports name Karim Abdul Hamid after the first mention; "Ben" stays a first name."""
    index = EntityIndex()
    add(index, "a1", "Karim Abdul Hamid, the council chairman, spoke.", "Karim Abdul Hamid")
    later = add(index, "a2", "Karim Abdel Hamid met Ben Wedeman. Abdel Hamid said he was hopeful.",
                "Karim Abdel Hamid", "Abdel Hamid", "Ben Wedeman")
    karim = person_of(index, "Karim Abdul Hamid")
    assert {later[k] for k in later if k[0] != later_at("Ben Wedeman")} == {karim}
    assert index.entity(later[(later_at("Ben Wedeman"), later_at("Ben Wedeman") + 11)]).name == "Ben Wedeman"
    assert parse_name("Ben Wedeman").given == ("Ben",)
    alone = add(index, "a3", "Hamid said the council would meet.", "Hamid")
    assert set(alone.values()) == {karim}  # the compound's last word, as reports also write it
    assert surname_match("De Croo", "Croo") is None  # other particles keep the surname whole


def later_at(name: str) -> int:
    return "Karim Abdel Hamid met Ben Wedeman. Abdel Hamid said he was hopeful.".index(name)


def test_initials_say_which_of_two_people_with_one_surname() -> None:
    index = EntityIndex()
    add(index, "a1", "P.J. Moravec spoke at the briefing.", "P.J. Moravec")
    add(index, "a2", "Tonight Candy Moravec asked the panel.", "Candy Moravec")
    pj = add(index, "a3", "State Department spokesman P.J. Moravec said talks go on.", "P.J. Moravec")
    assert set(pj.values()) == {person_of(index, "P.J. Moravec")} != {person_of(index, "Candy Moravec")}
    both = add(index, "a4", "Candy Moravec asked P.J. Moravec about it.", "Candy Moravec", "P.J. Moravec")
    assert len(set(both.values())) == 2
    assert add(index, "a5", "C. Moravec hosted.", "C. Moravec") == {(0, 10): person_of(index, "Candy Moravec")}


def test_surname_alone_is_ambiguous_when_two_people_share_it() -> None:
    index = EntityIndex()
    text = "Marta Kowal and Marek Kowal arrived. Kowal said the plan is ready."
    links = add(index, "a1", text, "Marta Kowal", "Marek Kowal", "Kowal")
    kowal = text.rindex("Kowal")
    assert (kowal, kowal + 5) not in links
    assert len(set(links.values())) == 2


def test_surname_alone_links_across_the_corpus_only_when_unambiguous() -> None:
    index = EntityIndex()
    add(index, "a1", "Andrzej Duda opened the summit.", "Andrzej Duda")
    one = add(index, "a2", "Duda said the summit went well.", "Duda")
    assert set(one.values()) == {person_of(index, "Andrzej Duda")}
    add(index, "a3", "Agata Duda visited a school.", "Agata Duda")
    two = add(index, "a4", "Duda said nothing.", "Duda")
    assert two == {}


def test_surname_alone_goes_to_the_known_person_only_in_their_company() -> None:
    """The corpus knows one Kessler, a footballer seen with his club; "Kessler" in an article about a
    ministry and a parliament is someone else (linked to nobody), but "Kessler" next to the club is
    the footballer."""
    index = EntityIndex()

    def article(aid: str, text: str, person: str, *others: str) -> dict:
        ms = people(text, person) + people(text, *others, label="ORG")
        return index.add_article(aid, None, sorted(ms, key=lambda m: m.start), text=text)

    article("a1", "Jonas Kessler scored twice for Harbor United.", "Jonas Kessler", "Harbor United")
    footballer = person_of(index, "Jonas Kessler")
    sport = article("a2", "Kessler thanked Harbor United fans.", "Kessler", "Harbor United")
    assert footballer in sport.values()
    politics = article("a3", "The Kessler plan split the Finance Ministry and the Bundestag.", "Kessler",
                       "Finance Ministry", "Bundestag")
    assert not {v for v in politics.values() if v.startswith("person:")}  # someone else: linked to nobody
    assert index.find_person("Kessler") == footballer  # and no surname-only person was made
    minister = article("a4", "Anna Kessler defended the plan before the Bundestag.", "Anna Kessler", "Bundestag")
    assert footballer not in minister.values()
    assert set(add(index, "a5", "Kessler said nothing.", "Kessler").values()) == set()  # two Kesslers now


def test_surname_alone_goes_to_the_corpus_s_dominant_bearer() -> None:
    """Two known Lepiks, one named in ten times as many articles: "Lepik" alone is that one, unless
    "Mrs." says otherwise; two bearers named about as often leave "Lepik" to nobody."""
    index = EntityIndex()
    add(index, "a0", "Mari Lepik, his wife, opened a school.", "Mari Lepik")
    for i in range(22):
        add(index, f"p{i}", f"Toomas Lepik spoke in Vestra on day {i}.", "Toomas Lepik")
    toomas, mari = person_of(index, "Toomas Lepik"), person_of(index, "Mari Lepik")
    assert set(add(index, "b1", "Lepik said the talks would go on.", "Lepik").values()) == {toomas}
    assert index.find_person("Lepik") == toomas
    assert set(index.add_article("b2", None, people("Mrs. Lepik thanked the teachers.", "Lepik"),
                                 text="Mrs. Lepik thanked the teachers.").values()) == {mari}
    # must not change: two people the corpus names about as often
    for i in range(10):
        add(index, f"k{i}", f"Anne Kask met the board, day {i}.", "Anne Kask")
        add(index, f"j{i}", f"Juhan Kask met the press, day {i}.", "Juhan Kask")
    assert add(index, "b3", "Kask said nothing.", "Kask") == {}


def test_a_surname_that_is_also_a_common_first_name_has_no_dominant_bearer() -> None:
    """ "Saar" alone is not the much-named Ott Saar when the corpus also knows people whose first
    name is Saar: the word alone could be any of them, or someone new."""
    index = EntityIndex()
    add(index, "a0", "Mia Saar sang.", "Mia Saar")
    for i in range(22):
        add(index, f"p{i}", f"Ott Saar spoke in Vestra on day {i}.", "Ott Saar")
    assert set(add(index, "b1", "Saar said yes.", "Saar").values()) == {person_of(index, "Ott Saar")}
    for i in range(5):
        add(index, f"g{i}", f"Saar Berg and Saar Kivi met the council, day {i}.", "Saar Berg", "Saar Kivi")
    assert add(index, "b2", "Saar said no.", "Saar") == {}


def test_a_surname_placed_once_is_that_person_throughout_the_article() -> None:
    """"President Tamm" is the president; the plain "Tamm" further on is him too, though the
    corpus knows another Tamm as well."""
    from storyline.entities.roles import find_roles
    index = EntityIndex()

    def feed(article_id: str, text: str, *names: str) -> dict:
        ms = people(text, *names)
        return index.add_article(article_id, "2010-05-01", ms, find_roles(text, ms, date="2010-05-01"), text=text)

    feed("a1", "President Karl Tamm opened the harbour.", "Karl Tamm")
    feed("a2", "Liis Tamm toured the coast.", "Liis Tamm")
    text = "President Tamm said the port would reopen. Later Tamm added that the budget was set."
    links = feed("a3", text, "Tamm")
    assert set(links.values()) == {person_of(index, "Karl Tamm")} and len(links) == 2


def test_of_two_namesakes_in_a_report_the_surname_is_the_one_the_corpus_calls_so() -> None:
    """Reports call Karl Tamm "Tamm" and his wife Liis Tamm by her full name; she is in the news
    about as often as he is, so neither dominates by articles, but "Tamm" in a report naming both
    is him. Without that habit of the corpus it stays nobody's."""
    index = EntityIndex()
    for i in range(20):
        add(index, f"k{i}", f"Karl Tamm spoke on day {i}. Tamm said the port would reopen.", "Karl Tamm", "Tamm")
        if i % 2:
            add(index, f"l{i}", f"Liis Tamm opened a school on day {i}.", "Liis Tamm")
    text = "Karl Tamm and Liis Tamm arrived. Tamm waved."
    links = add(index, "b1", text, "Karl Tamm", "Liis Tamm", "Tamm")
    assert links[(text.rindex("Tamm"), len(text) - 7)] == person_of(index, "Karl Tamm")
    other = EntityIndex()
    for i in range(20):
        add(other, f"k{i}", f"Karl Tamm spoke on day {i}.", "Karl Tamm")
        add(other, f"l{i}", f"Liis Tamm opened a school on day {i}.", "Liis Tamm")
    assert (text.rindex("Tamm"), len(text) - 7) not in add(other, "b1", text, "Karl Tamm", "Liis Tamm", "Tamm")


def test_a_transliterated_surname_alone_finds_the_known_name() -> None:
    """ "Qaddafi" alone, a spelling no one in the corpus has, is the known Gadhafi; a surname of
    another sound is not."""
    index = EntityIndex()
    add(index, "a1", "Colonel Moammar Gadhafi spoke on television.", "Moammar Gadhafi")
    colonel = person_of(index, "Moammar Gadhafi")
    assert set(add(index, "a2", "Qaddafi vowed to fight on.", "Qaddafi").values()) == {colonel}
    assert set(add(index, "a3", "Gadaffi vowed to fight on.", "Gadaffi").values()) == {colonel}
    assert colonel not in add(index, "a4", "Gadsden vowed to fight on.", "Gadsden").values()


def test_unconfirmed_headline_names_are_kept_to_themselves() -> None:
    """A person span of a headline-only text nothing could check ("Probe Ardex") is an entity, but its
    name is not offered as a known person and a surname alone is not linked to it, even after a
    save and reload; once running text uses the name, it is confirmed."""
    index = EntityIndex()
    head = "Criminal Probe Ardex Recall Widens"
    span = people(head, "Probe Ardex")
    index.add_article("h1", None, span, unconfirmed={(span[0].start, span[0].end)})
    assert index.find_person("Probe Ardex") and "Probe Ardex" not in index.person_names()
    assert add(index, "a1", "Ardex said the recall was voluntary.", "Ardex") == {}
    again = EntityIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    assert "Probe Ardex" not in again.person_names()
    assert add(again, "a2", "Ardex said more.", "Ardex") == {}
    add(again, "a3", "Probe Ardex, the chemist, said the recall was wrong.", "Probe Ardex")
    assert "Probe Ardex" in again.person_names()
    assert set(add(again, "a4", "Ardex said more.", "Ardex").values()) == {person_of(again, "Probe Ardex")}


def test_surname_first_then_full_name_is_one_person() -> None:
    index = EntityIndex()
    first = add(index, "a1", "Lukashenko said the drills are routine.", "Lukashenko")
    second = add(index, "a2", "Alexander Lukashenko repeated it.", "Alexander Lukashenko")
    assert set(first.values()) == set(second.values())
    assert index.entity(next(iter(first.values()))).name == "Alexander Lukashenko"


def test_first_name_alone_links_to_the_one_full_name_of_the_article() -> None:
    index = EntityIndex()
    text = "Vladimir Putin spoke. Later the president ( Vladimir) Putin spoke again."
    links = add(index, "a1", text, "Vladimir Putin", "Vladimir", "Putin")
    assert len(set(links.values())) == 1 and len(links) == 3


def test_first_name_alone_without_a_full_name_is_not_an_entity() -> None:
    index = EntityIndex()
    assert add(index, "a1", "Vladimir was not there.", "Vladimir") == {}


def test_chinese_names_put_the_surname_first() -> None:
    index = EntityIndex()
    links = add(index, "a1", "Wang Wenbin spoke. Wang added that Beijing disagrees.", "Wang Wenbin", "Wang")
    assert len(set(links.values())) == 1
    assert parse_name("Xi Jinping").surname == "Xi"


def test_organisations_and_places_use_the_alias_tables() -> None:
    index = EntityIndex()
    text = "The Atlantic Alliance and NATO are one. Kiev is Kyiv. Envoys met in Pabaiskas, Lithuania."
    ms = (people(text, "Atlantic Alliance", "NATO", label="ORG")
          + people(text, "Kiev", "Kyiv", "Pabaiskas", "Lithuania", label="GPE"))
    links = index.add_article("a1", "2024-01-01", sorted(ms, key=lambda m: m.start), text=text)
    by_text = {m.text: links[(m.start, m.end)] for m in ms}
    assert by_text["Atlantic Alliance"] == by_text["NATO"]
    assert index.entity(by_text["NATO"]).name == "NATO"
    assert by_text["Kiev"] == by_text["Kyiv"]
    kyiv = index.entity(by_text["Kyiv"])
    assert (kyiv.name, kyiv.country) == ("Kyiv", "Ukraine")
    assert index.entity(by_text["Pabaiskas"]).country == "Lithuania"  # learned from "Pabaiskas, Lithuania"


def test_serialisation_round_trip_and_continue() -> None:
    index = EntityIndex()
    add(index, "a1", "Marta Kowal met Andrzej Duda.", "Marta Kowal", "Andrzej Duda", date="2024-01-02")
    data = json.loads(json.dumps(index.to_dict()))
    again = EntityIndex.from_dict(data)
    assert {e.id: e.name for e in again.entities()} == {e.id: e.name for e in index.entities()}
    links = add(again, "a2", "Kowal answered Duda.", "Kowal", "Duda")
    assert set(links.values()) == {person_of(index, "Marta Kowal"), person_of(index, "Andrzej Duda")}
    assert again.active(person_of(again, "Marta Kowal")) == ("2024-01-02", "2024-01-02")


def test_name_rules() -> None:
    assert given_match("Gitan", "Gitanas") and not given_match("Paul", "Paula")
    assert not given_match("Marta", "Marek") and not given_match("Jan", "Janina")
    assert given_match("V.", "Vladimir")
    assert surname_match("Lohannis", "Iohannis") == "exact"
    assert surname_match("DeCroo", "De Croo") == "exact"
    assert surname_match("Lukashenka", "Lukashenko") == "typo"
    assert surname_match("Kowalski", "Kowalska") is None
    assert names_match(parse_name("Alyaksandr Lukashenka"), parse_name("Alexander Lukashenko")) is None
    assert canonical_person_name(["Gitan Nauseda", "Gitan Nauseda", "Gitanas Nausėda"]) == "Gitanas Nausėda"
    # a word written twice by one report never makes the canonical name; a name of one word twice is a name
    assert canonical_person_name(["Karl Lepik", "Karl Lepik Lepik", "Lepik"],
                                 Counter({"Karl Lepik": 9, "Karl Lepik Lepik": 1, "Lepik": 20})) == "Karl Lepik"
    assert canonical_person_name(["Tamm Tamm", "Tamm"]) == "Tamm Tamm"
    # the full name most reports write, not a middle name a few add; the longest only on ties
    assert canonical_person_name(["Karl Lepik", "Karl Juhan Lepik", "Lepik"],
                                 Counter({"Karl Lepik": 12, "Karl Juhan Lepik": 2, "Lepik": 30})) == "Karl Lepik"
    assert canonical_person_name(["Karl Lepik", "Karl Juhan Lepik"]) == "Karl Juhan Lepik"
    # a name written only in capitals (a broadcast transcript's labels) is shown as news writes it
    assert canonical_person_name(["KARL TAMM", "TAMM"]) == "Karl Tamm"
    assert canonical_person_name(["J.P. TAMM", "J.P. Tamm"], Counter({"J.P. TAMM": 9, "J.P. Tamm": 1})) == "J.P. Tamm"


def test_incremental_linking_is_fast() -> None:
    """5,000 articles naming 2,000 invented people: no all-pairs work, so a few seconds at most."""
    rng = random.Random(7)
    first = ["Ola", "Kari", "Jonas", "Marta", "Marek", "Ilse", "Pieter", "Anna", "Tomas", "Lena"]
    last = [f"{a}{b}" for a in ("Vask", "Brenn", "Kowal", "Lind", "Maas", "Varen", "Holt", "Dahl") for b in
            ("a", "ov", "ski", "en", "berg", "ström", "ic", "ens", "ard", "is", "et", "an", "or", "ur", "ey")]
    names = sorted({f"{rng.choice(first)} {rng.choice(last)}" for _ in range(2000)})
    index = EntityIndex()
    started = time.perf_counter()
    for i in range(5000):
        chosen = rng.sample(names, 3)
        text = " and ".join(chosen) + " met; " + parse_name(chosen[0]).surname + " spoke."
        index.add_article(f"a{i}", f"2024-01-{i % 28 + 1:02d}", people(text, *chosen, parse_name(chosen[0]).surname))
    assert time.perf_counter() - started < 20
    assert len(index.entities("PERSON")) <= len(names)


def test_a_name_the_corpus_writes_more_often_as_a_place_is_no_known_person() -> None:
    """The model once read "Harbour Lanuf" (a town) as a person; three reports as a place outvote it."""
    index = EntityIndex()
    add(index, "a0", "Kask met rebels in Harbour Lanuf.", "Harbour Lanuf")
    assert index.person_names().with_surname_in({"Lanuf"}) == {"Harbour Lanuf"}
    for i in range(1, 3):
        index.add_article(f"a{i}", None, people("Fighting reached Harbour Lanuf.", "Harbour Lanuf", label="GPE"))
    assert index.thing_label("Harbour Lanuf") is None  # two reports are not yet enough
    index.add_article("a3", None, people("Harbour Lanuf fell.", "Harbour Lanuf", label="GPE"))
    assert index.thing_label("Harbour Lanuf") == "GPE"
    assert index.person_names().with_surname_in({"Lanuf"}) == set()


def test_a_name_with_the_arabic_article_is_the_place_the_corpus_knows_without_it() -> None:
    """"al-Qarya" is the town "Qarya" three reports named; "al-Tamimi" of a person stays a person's."""
    index = EntityIndex()
    for i in range(3):
        index.add_article(f"g{i}", None, people("Fighting reached Qarya.", "Qarya", label="GPE"))
    assert index.thing_label("al-Qarya") == "GPE" and index.thing_label("El Qarya") == "GPE"
    add(index, "p1", "Omar al-Tamimi spoke.", "Omar al-Tamimi")
    assert index.thing_label("al-Tamimi") is None and index.thing_label("Al-Tamimi") is None


def test_a_person_named_more_often_than_a_place_stays_a_known_person() -> None:
    index = EntityIndex()
    for i in range(4):
        add(index, f"p{i}", "Mara Jordan spoke.", "Mara Jordan")
    for i in range(3):
        index.add_article(f"g{i}", None, people("Aid reached Mara Jordan.", "Mara Jordan", label="GPE"))
    assert index.thing_label("Mara Jordan") is None
    assert "Mara Jordan" in index.person_names().with_surname_in({"Jordan"})


def test_a_nickname_and_the_given_name_it_shortens_are_one_person() -> None:
    index = EntityIndex()
    add(index, "a1", "Robert Tamm, the chief executive, spoke.", "Robert Tamm")
    add(index, "a2", "Bob Tamm said the well was capped.", "Bob Tamm")
    add(index, "a3", "Bob Tamm said so again.", "Bob Tamm")
    assert person_of(index, "Robert Tamm") == person_of(index, "Bob Tamm")
    assert index.entity(person_of(index, "Robert Tamm")).name == "Bob Tamm"  # the name the news uses most


def test_two_formal_names_sharing_a_nickname_stay_two_people() -> None:
    index = EntityIndex()
    add(index, "a1", "Alexander Tamm spoke.", "Alexander Tamm")
    add(index, "a2", "Alexandra Tamm spoke.", "Alexandra Tamm")
    assert person_of(index, "Alexander Tamm") != person_of(index, "Alexandra Tamm")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Bob", "Robert", True), ("Ed", "Edward", True), ("Mike", "Michael", True), ("Bill", "William", True),
    ("Tony", "Anthony", True), ("Ivan", "John", False), ("Ian", "John", False), ("Alexander", "Alexandra", False),
    ("Paul", "Paula", False),
    # the table's formal name in another spelling ("Frederick" in the table), but not another name
    ("Fred", "Frederik", True), ("Fred", "Fridolin", False), ("Bill", "Wilhelm", False),
])
def test_nicknames_pair_with_the_name_they_shorten_only(a: str, b: str, same: bool) -> None:
    assert given_match(a, b) is same
    index = EntityIndex()
    add(index, "a1", f"{a} Tamm spoke.", f"{a} Tamm")
    add(index, "a2", f"{b} Tamm spoke.", f"{b} Tamm")
    assert (person_of(index, f"{a} Tamm") == person_of(index, f"{b} Tamm")) is same


def test_a_rank_without_its_stop_names_the_namesake_of_that_rank() -> None:
    """British style writes "Adm Tamm": the admiral the corpus knows, not a namesake, not nobody."""
    from storyline.entities.roles import find_roles
    index = EntityIndex()

    def feed(article_id: str, text: str, *names: str) -> dict:
        ms = people(text, *names)
        return index.add_article(article_id, "2010-05-01", ms, find_roles(text, ms, date="2010-05-01"))

    feed("a1", "Adm. Karl Tamm took command of the fleet.", "Karl Tamm")
    feed("a2", "Liis Tamm opened the school.", "Liis Tamm")
    text = "Speaking on Friday, Adm Tamm said the leak had slowed."
    links = feed("a3", text, "Tamm")
    assert links[(text.index("Tamm"), text.index("Tamm") + 4)] == person_of(index, "Karl Tamm")


def test_a_common_word_alone_is_no_one_new_nor_the_surname_of_a_name_made_of_words() -> None:
    """A Title Case line made a "person" of two words ("Weather Watch"); the corpus's later "Watch"
    alone (a verb opening a sentence, a footer's "Follow") is not that person, and a common word no
    one bears makes no one new. A surname that is also a word stays a surname for a person with a
    given name ("Brown" of Kadri Brown) and with a title ("Mr. Follow")."""
    index = EntityIndex()
    add(index, "a1", "Weather Watch: the harbour storm in pictures.", "Weather Watch")
    assert add(index, "a2", "Watch the harbour live from noon.", "Watch") == {}
    assert add(index, "a3", "People gathered at the harbour.", "People") == {}
    assert index.find_person("People") is None
    add(index, "a4", "Kadri Brown runs the harbour.", "Kadri Brown")
    assert set(add(index, "a5", "Brown said the harbour would reopen.", "Brown").values()) == {
        person_of(index, "Kadri Brown")}
    # must not change: a surname no one bears yet, and not an English word, is someone new
    assert set(add(index, "a6", "Vaher said the harbour would reopen.", "Vaher").values()) == {
        person_of(index, "Vaher")}
    titled = index.add_article("a7", None, people("Mr. Follow thanked the crew.", "Follow"),
                               text="Mr. Follow thanked the crew.")
    assert len(titled) == 1


def test_a_word_before_a_famous_surname_is_that_person() -> None:
    """"Comrade Lepik" (a reader's sneer) is the much-named Toomas Lepik, and so is every "Lepik" of
    that report. A rare word before the surname may be a given name the table lacks, and a known
    surname before it is another person ("Kask Lepik" of a ticket): those stay apart."""
    index = EntityIndex()
    add(index, "a0", "Anne Kask met the board.", "Anne Kask")
    for i in range(22):
        add(index, f"p{i}", f"Toomas Lepik spoke in Vestra on day {i}.", "Toomas Lepik")
    toomas = person_of(index, "Toomas Lepik")
    links = add(index, "b1", "Comrade Lepik has a plan. Lepik said so twice.", "Comrade Lepik", "Lepik")
    assert set(links.values()) == {toomas} and len(links) == 2
    assert toomas not in add(index, "b2", "Xandor Lepik sailed home.", "Xandor Lepik").values()
    assert toomas not in add(index, "b3", "The Kask Lepik ticket won.", "Kask Lepik").values()


def test_brothers_with_different_middle_names_are_two_people() -> None:
    """"Zaid al-Nour Haddad" and "Zaid al-Fajr Haddad" share a first name and a surname, not a person;
    "Zaid Haddad", which leaves the middle name out, is the brother the corpus names far more often."""
    index = EntityIndex()
    for i in range(22):
        add(index, f"n{i}", f"Zaid al-Nour Haddad spoke in Vestra on day {i}.", "Zaid al-Nour Haddad")
    nour = person_of(index, "Zaid al-Nour Haddad")
    fajr = set(add(index, "f1", "Zaid al-Fajr Haddad was wounded.", "Zaid al-Fajr Haddad").values())
    assert fajr and nour not in fajr
    assert set(add(index, "s1", "Zaid Haddad said the war goes on.", "Zaid Haddad").values()) == {nour}
    # must not change: a middle name one report leaves out or spells another way is the same person
    assert set(add(index, "s2", "Zaid el-Nour Haddad said more.", "Zaid el-Nour Haddad").values()) == {nour}


@pytest.mark.parametrize("tail_first", [False, True])
def test_a_long_name_is_known_by_its_tail_and_by_its_given_names(tail_first: bool) -> None:
    """Reports write "Amin El Kadri Ben Salem" as "Ben Salem", and his compound given name alone
    ("Amin el-Kadri"): one person, whichever form the corpus meets first, named in full."""
    index = EntityIndex()
    if tail_first:
        add(index, "t0", "Ben Salem left the country.", "Ben Salem")
    links = add(index, "a1", "Amin El Kadri Ben Salem fled. Ben Salem left.", "Amin El Kadri Ben Salem", "Ben Salem")
    assert len(set(links.values())) == 1 and len(links) == 2
    amin = set(links.values()).pop()
    assert set(add(index, "a2", "Ben Salem left the country.", "Ben Salem").values()) == {amin}
    assert set(add(index, "a3", "Amin el-Kadri was seen in the port.", "Amin el-Kadri").values()) == {amin}
    assert index.entity(amin).name == "Amin El Kadri Ben Salem"
    # must not change: another surname "Salem" is another person, and a name with an article that
    # is a surname's ("Omar al-Tamimi") is nobody's given names
    assert amin not in add(index, "a4", "Karim Salem spoke.", "Karim Salem").values()
    assert amin not in add(index, "a5", "Amin al-Tamimi spoke.", "Amin al-Tamimi").values()


def test_a_longer_name_the_report_also_gives_short_is_the_person_the_corpus_knows() -> None:
    """The corpus knows "Tarek Haddouri" (also spelt "Tareq Hadouri"); a report that names him in full
    ("Mohamed Tarek Haddouri") and then short is about him, and so is a later report that gives the
    full name alone."""
    index = EntityIndex()
    known = set(add(index, "a1", "Tarek Haddouri spoke. Tareq Hadouri left.", "Tarek Haddouri",
                    "Tareq Hadouri").values())
    assert len(known) == 1
    both = add(index, "a2", "Mohamed Tarek Haddouri arrived. Tarek Haddouri spoke.", "Mohamed Tarek Haddouri",
               "Tarek Haddouri")
    assert set(both.values()) == known
    assert set(add(index, "a3", "Mohamed Tarek Haddouri returned.", "Mohamed Tarek Haddouri").values()) == known
    # the name the news writes far more often stays canonical; a longer name written about as often wins
    assert index.entity(known.copy().pop()).name == "Mohamed Tarek Haddouri"
    for i in range(12):
        add(index, f"s{i}", "Tarek Haddouri spoke.", "Tarek Haddouri")
    assert index.entity(known.copy().pop()).name == "Tarek Haddouri"
    # must not change: a first name the corpus's person does not have is someone else
    assert not known & set(add(index, "a4", "Karim Haddouri spoke.", "Karim Haddouri").values())


@pytest.mark.parametrize(("junk", "clean"), [
    pytest.param("Toomas Kask &", "Toomas Kask", id="a stray ampersand"),
    pytest.param("Lee Ji Hoon", "Lee Ji-hoon", id="a hyphen written as a space"),
])
def test_one_name_written_twice_in_a_report_is_one_person(junk: str, clean: str) -> None:
    """A report that writes one name two ways that fold to the same letters names one person: the
    corpus must not open a second "Toomas Kask" because a stray "&" took the first."""
    index = EntityIndex()
    known = set(add(index, "a1", f"{clean} spoke.", clean).values())
    links = add(index, "a2", f"{junk} tennis. Then {clean} won.", junk, clean)
    assert set(links.values()) == known and len(links) == 2
    assert len(index.entities("PERSON")) == 1
