"""Role facts, role descriptions, and descriptions resolved by date (own sentences, invented people)."""

from __future__ import annotations

import re

import pytest

from storyline.entities.describe import resolve_description
from storyline.entities.kb import parse_kb
from storyline.entities.link import EntityIndex
from storyline.entities.roles import find_descriptions, find_roles
from storyline.records import Mention


def persons(text: str, *names: str) -> list[Mention]:
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if all(hit.end() <= m.start or m.end <= hit.start() for m in out):
                out.append(Mention(hit.start(), hit.end(), name, "PERSON"))
    return sorted(out, key=lambda m: m.start)


ROLES = [
    pytest.param("NATO Secretary General Ilse Varenholt opened the meeting.", "Ilse Varenholt",
                 ("Secretary General", "NATO", None, False), id="ORG TITLE NAME"),
    pytest.param("He met the President of Poland, Andrzej Duda, on Monday.", "Andrzej Duda",
                 ("President", "Poland", "Poland", False), id="the TITLE of PLACE, NAME"),
    pytest.param("Lithuanian President Gitan Nauseda warned of the risk.", "Gitan Nauseda",
                 ("President", "Lithuania", "Lithuania", False), id="NATIONALITY TITLE NAME"),
    pytest.param("The Lithuanian President, Gitan Nauseda warned of the risk.", "Gitan Nauseda",
                 ("President", "Lithuania", "Lithuania", False), id="NATIONALITY TITLE, NAME"),
    pytest.param("Poland's President Andrzej Duda answered.", "Andrzej Duda",
                 ("President", "Poland", "Poland", False), id="PLACE's TITLE NAME"),
    pytest.param("Foreign Ministry spokesman Wang Wenbin added a remark.", "Wang Wenbin",
                 ("Foreign Ministry spokesperson", None, None, False), id="TITLE NAME"),
    pytest.param("The Chinese Foreign Ministry spokesman Wang Wenbin added a remark.", "Wang Wenbin",
                 ("Foreign Ministry spokesperson", "China", "China", False), id="NATIONALITY ministry TITLE NAME"),
    pytest.param("Rūta Vaitkienė, spokeswoman of the Lithuanian Defence Ministry, said it.", "Rūta Vaitkienė",
                 ("Spokesperson", "Lithuanian Defence Ministry", "Lithuania", False), id="NAME, TITLE of ORG"),
    pytest.param("According to Col. Tomasz Wrona, the drill went well.", "Tomasz Wrona",
                 ("Colonel", None, None, False), id="military rank"),
    pytest.param("The visit of the former Prime Minister of Norway Kari Dahl surprised many.", "Kari Dahl",
                 ("Prime Minister", "Norway", "Norway", True), id="former"),
    pytest.param("In Minsk, the Belarusian leader Alexander Lukashenko inspected a unit.", "Alexander Lukashenko",
                 ("Leader", "Belarus", "Belarus", False), id="NATIONALITY leader NAME"),
    pytest.param("The High Representative of the EU Josep Borrell answered in the evening.", "Josep Borrell",
                 ("High Representative", "European Union", None, False), id="the TITLE of ACRONYM NAME"),
    pytest.param("The armed head of the Wagner group, Ivan Sorokin, left.", "Ivan Sorokin",
                 ("Head", "Wagner Group", None, False), id="head of ORG"),
]


@pytest.mark.parametrize(("text", "name", "want"), ROLES)
def test_role_patterns(text: str, name: str, want: tuple) -> None:
    facts = find_roles(text, persons(text, name), date="2023-06-29")
    assert len(facts) == 1
    f = facts[0]
    assert (f.name, text[f.start:f.end]) == (name, name)
    assert (f.role.title, f.role.org, f.nationality, f.former) == want
    assert (f.role.start, f.role.end) == ("2023-06-29", "2023-06-29")


OFFICES = [
    # US cabinet and British ministries: the office, not a bare "Secretary"
    ("Secretary of State Karin Lepik flew to Tallinn.", "Karin Lepik", ("Secretary of State", None)),
    ("U.S. Secretary of State Karin Lepik flew to Tallinn.", "Karin Lepik", ("Secretary of State", "United States")),
    ("the Secretary of Defense, Tomas Berg, visited the base.", "Tomas Berg", ("Defense Secretary", None)),
    ("Interior Secretary Tomas Berg toured the coast.", "Tomas Berg", ("Interior Secretary", None)),
    ("the secretary of the treasury, Tomas Berg, spoke.", "Tomas Berg", ("Treasury Secretary", None)),
    ("Foreign Secretary Mara Kask spoke.", "Mara Kask", ("Foreign Secretary", None)),
    # a minister by portfolio, however it is written
    ("Interior Minister Mara Kask spoke.", "Mara Kask", ("Interior Minister", None)),
    ("the minister of health, Mara Kask, spoke.", "Mara Kask", ("Health Minister", None)),
    ("the Estonian finance minister Mara Kask spoke.", "Mara Kask", ("Finance Minister", "Estonia")),
    ("Attorney General Ivo Tamm opened an inquiry.", "Ivo Tamm", ("Attorney General", None)),
    # states, parliaments, companies
    ("Gov. Paul Saar declared an emergency.", "Paul Saar", ("Governor", None)),
    ("Sen. Paul Saar, D-Mont., objected.", "Paul Saar", ("Senator", None)),
    ("Rep. Paul Saar objected.", "Paul Saar", ("Representative", None)),
    ("Paul Saar, chief executive of Harbour Oil, apologised.", "Paul Saar", ("Chief Executive", "Harbour Oil")),
    ("Paul Saar, the chairman of Harbour Oil, apologised.", "Paul Saar", ("Chair", "Harbour Oil")),
    ("HOC CEO Paul Saar apologised.", "Paul Saar", ("Chief Executive", "HOC")),
    ("Paul Saar, chief executive of Harbour Oil plc, apologised.", "Paul Saar", ("Chief Executive", "Harbour Oil")),
    # envoys to a place, ranks that are not "General", the press office
    ("UN Special Envoy to Vestra Ivo Tamm arrived.", "Ivo Tamm", ("Envoy", "Vestra")),
    ("Lt. Gen. Ivo Tamm commands the force.", "Ivo Tamm", ("Lieutenant General", None)),
    ("Rear Adm. Ivo Tamm commands the fleet.", "Ivo Tamm", ("Rear Admiral", None)),
    ("Press Secretary Ivo Tamm briefed reporters.", "Ivo Tamm", ("Press Secretary", None)),
    ("Deputy Prime Minister Ivo Tamm left.", "Ivo Tamm", ("Deputy Prime Minister", None)),
]


@pytest.mark.parametrize(("text", "name", "want"), OFFICES)
def test_offices_beyond_heads_of_state(text: str, name: str, want: tuple) -> None:
    facts = find_roles(text, persons(text, name), date="2010-05-01")
    assert [(f.role.title, f.role.org) for f in facts] == [want]


def test_a_deputy_does_not_hold_the_title() -> None:
    for text in ("Deputy Defence Minister Ivo Tamm left.", "Assistant Secretary of State Ivo Tamm left."):
        assert find_roles(text, persons(text, "Ivo Tamm"), date="2010-05-01") == [], text


def test_lower_case_title_after_its_organisation() -> None:
    """News writes "BP chief executive X": the organisation in front makes the lower-case words a title."""
    text = "Harbour Oil chief executive Paul Saar apologised."
    mentions = persons(text, "Paul Saar") + [Mention(0, 11, "Harbour Oil", "ORG")]
    [fact] = find_roles(text, sorted(mentions, key=lambda m: m.start), date="2010-05-01")
    assert (fact.role.title, fact.role.org) == ("Chief Executive", "Harbour Oil")
    bare = "Critics say chief executive Paul Saar apologised."  # must not change: no organisation, no title
    assert find_roles(bare, persons(bare, "Paul Saar"), date="2010-05-01") == []
    credit = "Reuters Rep. Paul Saar apologised."  # a wire agency's credit before the title is no office's
    mentions = persons(credit, "Paul Saar") + [Mention(0, 7, "Reuters", "ORG")]
    [fact] = find_roles(credit, sorted(mentions, key=lambda m: m.start), date="2010-05-01")
    assert (fact.role.title, fact.role.org) == ("Representative", None)
    stamp = "18.24 BST President Paul Saar spoke."  # a live blog's time stamp neither
    [fact] = find_roles(stamp, persons(stamp, "Paul Saar"), date="2010-05-01")
    assert (fact.role.title, fact.role.org) == ("President", None)


def test_the_title_next_to_the_name_is_its_own() -> None:
    text = "A spokesman for Interior Secretary Paul Saar said no."
    [fact] = find_roles(text, persons(text, "Paul Saar"), date="2010-05-01")
    assert (fact.role.title, fact.role.org) == ("Interior Secretary", None)


def test_no_role_without_a_title() -> None:
    text = "Yesterday Ilse Varenholt and the Alliance agreed."
    assert find_roles(text, persons(text, "Ilse Varenholt")) == []


@pytest.mark.parametrize(("text", "names"), [
    # a title is a word of its own: "king" ends "sacking", "looking"
    ("Would sacking Varenholt change anything at the port?", ("Varenholt",)),
    ("Reporters saw a worn-looking Varenholt leave the hall.", ("Varenholt",)),
    # "general" in lower case, not set off as a phrase of its own, is no title
    ("I thought in general (Varenholt) made a good case.", ("Varenholt",)),
    # a role after a name that goes on with another name is that other name's
    ("Varenholt, Estonian President Kari Saar and the mayor met.", ("Varenholt", "Kari Saar")),
    # ... and one that goes on with a verb opens a clause of its own
    ("In talks with Varenholt, the prime minister of Vestra said he wanted calm.", ("Varenholt",)),
])
def test_no_role_for_a_name_next_to_words_that_only_look_like_one(text: str, names: tuple[str, ...]) -> None:
    facts = find_roles(text, persons(text, *names), date="2023-06-29")
    assert [f.name for f in facts if f.name == "Varenholt"] == [], facts


@pytest.mark.parametrize(("text", "name", "title"), [
    # must not change: a lower-case title after "the", with "of", or set off by a comma
    ("When the mayor fell ill, the vice president, Ilse Varenholt, took over.", "Ilse Varenholt", "Vice President"),
    ("Varenholt, the President of Vestra, said the port would open.", "Varenholt", "President"),
    ("Varenholt, the President of Vestra who spoke first, left early.", "Varenholt", "President"),
])
def test_role_phrases_that_stay(text: str, name: str, title: str) -> None:
    assert [f.role.title for f in find_roles(text, persons(text, name), date="2023-06-29")] == [title]


def test_one_role_span_however_its_organisation_was_learnt() -> None:
    """"President Varenholt" (no organisation) among articles that give her office: one span per
    role, from its first date to its last, not a new span each time the organisation is filled in
    (the text once misread her as Kivia's president too: that stays a role of its own)."""
    index = EntityIndex()
    texts = ["Ilse Varenholt, the President of Vestra, spoke.", "Ilse Varenholt, the President of Vestra, left.",
             "Ilse Varenholt, the President of Kivia, waved.", "President Ilse Varenholt opened the session.",
             "Ilse Varenholt, the President of Vestra, closed it."]
    for i, text in enumerate(texts):
        feed(index, f"a{i}", f"2020-01-1{i}", text, "Ilse Varenholt")
    eid = index.find_person("Ilse Varenholt")
    spans = sorted((r.title, r.org, r.first, r.last, r.articles) for r in index.roles_of(eid))
    assert spans == [("President", "Kivia", "2020-01-12", "2020-01-12", 1),
                     ("President", "Vestra", "2020-01-10", "2020-01-14", 4)]


def test_role_spans_of_one_role_stored_apart_are_merged_on_load() -> None:
    index = EntityIndex()
    feed(index, "a1", "2020-01-10", "President Ilse Varenholt spoke.", "Ilse Varenholt")
    data = index.to_dict()
    row = data["entities"][0]
    row["roles"] = [dict(row["roles"][0], first="2020-02-01", last="2020-02-03", articles=2, article_id="b"),
                    dict(row["roles"][0])]
    again = EntityIndex.from_dict(data)
    [span] = again.roles_of(row["id"])
    assert (span.first, span.last, span.articles, span.article_id) == ("2020-01-10", "2020-02-03", 3, "a1")


DESCRIPTIONS = [
    pytest.param("declared the former Social Democratic Prime Minister of Denmark.",
                 ("Prime Minister", "Denmark", None, True, "Social Democratic"), id="former PM of Denmark"),
    pytest.param("said the Norwegian diplomat to the press.", ("Diplomat", None, "Norway", False, None),
                 id="nationality + diplomat"),
    pytest.param("NATO chief said the plan is ready.", ("Secretary General", "NATO", None, False, None),
                 id="NATO chief"),
    pytest.param("For his part, the Polish president said no.", ("President", "Poland", "Poland", False, None),
                 id="the Polish president"),
    pytest.param("Then the Head of State indicated a date.", ("Head of State", None, None, False, None),
                 id="the Head of State"),
    pytest.param("I have assured Mr Secretary General of our help.", ("Secretary General", None, None, False, None),
                 id="Mr Secretary General"),
    pytest.param("The Norwegian, whose mandate ends soon, smiled.", (None, None, "Norway", False, None),
                 id="bare nationality"),
    pytest.param("The secretary of state said the talks went well.",
                 ("Secretary of State", None, None, False, None), id="the secretary of state"),
    pytest.param("The governor said the coast was safe.", ("Governor", None, None, False, None), id="the governor"),
    pytest.param("The CEO said sorry.", ("Chief Executive", None, None, False, None), id="the CEO"),
    pytest.param("The Secretary General of the Atlantic Alliance agreed.",
                 ("Secretary General", "NATO", None, False, None), id="TITLE of the Atlantic Alliance"),
]


@pytest.mark.parametrize(("text", "want"), DESCRIPTIONS)
def test_description_patterns(text: str, want: tuple) -> None:
    found = find_descriptions(text, [])
    assert len(found) == 1
    d = found[0]
    assert text[d.start:d.end] == d.text
    assert (d.title, d.org, d.nationality, d.former, d.qualifier) == want


@pytest.mark.parametrize("text", [
    "The Polish president Andrzej Duda said no.",  # a name follows: a role fact
    "A NATO official said nothing.",  # indefinite
    "The presidents met; the general staffs too.",  # plural, military rank
])
def test_not_descriptions(text: str) -> None:
    assert find_descriptions(text, persons(text, "Andrzej Duda")) == []


# -- resolution ----------------------------------------------------------------------------


def feed(index: EntityIndex, article_id: str, date: str | None, text: str, *names: str) -> set[str]:
    ms = persons(text, *names)
    links = index.add_article(article_id, date, ms, find_roles(text, ms, date=date))
    return set(links.values())


def describe(text: str) -> object:
    return find_descriptions(text, [])[0]


@pytest.fixture
def two_holders() -> EntityIndex:
    """An invented organisation whose Secretary General changes between 2020 and 2022."""
    index = EntityIndex()
    feed(index, "a1", "2020-01-10", "NDU Secretary General Ilse Varenholt opened the session.", "Ilse Varenholt")
    feed(index, "a2", "2020-03-01", "NDU Secretary General Ilse Varenholt closed it.", "Ilse Varenholt")
    feed(index, "a3", "2022-05-01", "NDU Secretary General Pieter Maasland visited Riga.", "Pieter Maasland")
    return index


@pytest.mark.parametrize(("date", "who"), [
    ("2020-02-01", "Ilse Varenholt"),  # inside her attested span
    ("2021-01-01", "Ilse Varenholt"),  # after her, before him: the last one attested still holds it
    ("2022-05-01", "Pieter Maasland"),
    ("2023-09-09", "Pieter Maasland"),
    ("2019-01-01", None),  # before anyone is attested: no guess
    (None, None),  # no date and two holders: no guess
])
def test_role_holder_at_a_date(two_holders: EntityIndex, date: str | None, who: str | None) -> None:
    eid = resolve_description(describe("The NDU chief agreed."), date, two_holders)
    assert (two_holders.entity(eid).name if eid else None) == who


def test_unqualified_role_resolves_only_inside_the_article(two_holders: EntityIndex) -> None:
    d = describe("Mr Secretary General, welcome.")
    assert resolve_description(d, "2022-05-01", two_holders) is None
    here = {two_holders.find_person("Pieter Maasland")}
    assert two_holders.entity(resolve_description(d, "2022-05-01", two_holders, in_article=here)).name == \
        "Pieter Maasland"


KB = parse_kb({"people": [
    {"name": "Kari Dahl", "nationality": "Norwegian",
     "roles": [{"title": "Prime Minister", "org": "Norway", "from": 2005, "to": 2013},
               {"title": "Secretary General", "org": "NDU", "from": "2014-10"}]},
    {"name": "Ola Brenna", "nationality": "Norway",
     "roles": [{"title": "Prime Minister", "org": "Norway", "from": 2013}]},
    {"name": "Per Vik", "nationality": "Norway", "roles": [{"title": "Foreign Minister", "org": "Norway"}]},
]})


def test_kb_roles_and_former() -> None:
    index = EntityIndex(kb=KB)
    here = feed(index, "a1", "2016-05-01", "Kari Dahl and Ola Brenna met in Oslo.", "Kari Dahl", "Ola Brenna")
    former = describe("said the former Prime Minister of Norway.")
    current = describe("said the Norwegian prime minister.")
    assert index.entity(resolve_description(former, "2016-05-01", index, KB, in_article=here)).name == "Kari Dahl"
    assert index.entity(resolve_description(current, "2016-05-01", index, KB, in_article=here)).name == "Ola Brenna"
    assert index.entity(resolve_description(current, "2010-01-01", index, KB)).name == "Kari Dahl"


def test_nationality_description_needs_one_fitting_person_in_the_article() -> None:
    index = EntityIndex(kb=KB)
    diplomat = describe("said the Norwegian diplomat.")
    one = feed(index, "a1", "2016-05-01", "Kari Dahl and Ola Brenna met.", "Kari Dahl", "Ola Brenna")
    assert index.entity(resolve_description(diplomat, "2016-05-01", index, KB, in_article=one)).name == "Kari Dahl"
    two = feed(index, "a2", "2016-05-02", "Kari Dahl met Per Vik.", "Kari Dahl", "Per Vik")
    assert resolve_description(diplomat, "2016-05-02", index, KB, in_article=two) is None  # two diplomats
    bare = describe("The Norwegian, smiling, left.")
    assert resolve_description(bare, "2016-05-02", index, KB, in_article=two) is None
    assert resolve_description(bare, "2016-05-01", index, KB, in_article=set()) is None  # nobody in the article


def test_the_spokesman_is_the_press_secretary_named_in_the_article() -> None:
    index = EntityIndex()
    text = "Press Secretary Ivo Tamm and Mayor Paul Saar spoke."
    here = feed(index, "a1", "2010-05-01", text, "Ivo Tamm", "Paul Saar")
    spokesman = describe("Later the spokesman said more.")
    assert index.entity(resolve_description(spokesman, "2010-05-01", index, in_article=here)).name == "Ivo Tamm"


def test_head_of_state_with_two_presidents_is_not_guessed() -> None:
    index = EntityIndex()
    text = "Polish President Andrzej Duda met Russian President Vladimir Putin."
    here = feed(index, "a1", "2023-01-01", text, "Andrzej Duda", "Vladimir Putin")
    assert resolve_description(describe("Then the Head of State left."), "2023-01-01", index, in_article=here) is None
    polish = describe("Then the Polish president left.")
    assert index.entity(resolve_description(polish, "2023-01-01", index, in_article=here)).name == "Andrzej Duda"
