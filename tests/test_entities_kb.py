"""The knowledge file: the shipped sample loads, malformed files fail with the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.entities.kb import load_kb, parse_kb
from storyline.entities.link import EntityIndex
from storyline.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]


def test_sample_kb_loads() -> None:
    kb = load_kb(ROOT / "examples" / "kb.yaml")
    assert 4 <= len(kb.people) <= 12  # small, by design
    stoltenberg = kb.person("Jens Stoltenberg")
    assert stoltenberg and stoltenberg.nationality == "Norway"
    sg = next(r for r in stoltenberg.roles if r.title == "Secretary General")
    assert (sg.org, sg.start, sg.end) == ("NATO", "2014-10-01", "2024-10-01")
    assert kb.person("Klaus Lohannis") is kb.person("Klaus Iohannis")
    assert kb.places[0].country == "Ukraine"
    invasion = next(e for e in kb.events if e.name == "Russian invasion of Ukraine")
    assert invasion.date == "2022-02-24" and "invasion of Ukraine" in invasion.aliases


def test_kb_seeds_the_index() -> None:
    kb = load_kb(ROOT / "examples" / "kb.yaml")
    index = EntityIndex(kb=kb)
    eid = index.find_person("Alyaksandr Lukashenka")
    assert eid and index.entity(eid).name == "Alexander Lukashenko"
    assert index.find("Atlantic Alliance", "ORG") == index.find("NATO", "ORG")
    links = index.add_article("a1", "2023-07-04", [], [])
    assert links == {}
    assert index.nationality_of(index.find_person("Andrzej Duda")) == "Poland"


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2014", "2014-01-01", "2014-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2014-10-01", "2014-10-01", "2014-10-01"),
])
def test_partial_dates(value: str, start: str, end: str) -> None:
    kb = parse_kb({"people": [{"name": "Ola Brenna", "roles": [{"title": "Mayor", "from": value, "to": value}]}]})
    role = kb.people[0].roles[0]
    assert (role.start, role.end) == (start, end)


MALFORMED = [
    pytest.param("people:\n  - name: Ola Brenna\n    roles: [{title: Mayor, from: soon}]\n",
                 ["people[0] (Ola Brenna): roles[0]", "'from' must be a date", "fix the file"], id="bad date"),
    pytest.param("people:\n  - name: Ola Brenna\n    alias: [Brenna]\n",
                 ["people[0]", "unknown key 'alias'", "aliases"], id="misspelt key"),
    pytest.param("people:\n  - aliases: [Brenna]\n", ["people[0]", "needs a name"], id="no name"),
    pytest.param("people:\n  - name: Ola\n    roles:\n      - {title: Mayor, from: 2020, to: 2019}\n",
                 ["'to' (2019-12-31) is before 'from' (2020-01-01)"], id="to before from"),
    pytest.param("people: [{name: Ola Brenna, aliases: [O. B.]}, {name: Olav Brenn, aliases: [O. B.]}]\n",
                 ["people[1] (Olav Brenn)", "'O. B.' is also given to Ola Brenna"], id="one alias, two people"),
    pytest.param("people:\n  - name: Ola\n  roles: [\n", ["not valid YAML at line"], id="not YAML"),
    pytest.param("- just\n- a list\n", ["the file: must be a mapping"], id="not a mapping"),
    pytest.param("events:\n  - {name: The flood, date: 2021-07}\n",
                 ["events[0] (The flood)", "needs the day it happened", "2022-02-24"], id="event without a day"),
    pytest.param("events:\n  - {name: The flood}\n", ["events[0] (The flood)", "needs the day"], id="event, no date"),
    pytest.param("events:\n  - {name: The flood, date: 2021-02-30}\n", ["does not exist", "fix the file"],
                 id="event, no such day"),
    pytest.param("people:\n  - name: Ola\n    roles: [{title: Mayor, from: 2021-02-30}]\n", ["does not exist"],
                 id="role, no such day"),
    pytest.param("events:\n  - {name: The flood, when: 2021-07-14}\n", ["unknown key 'when'"], id="event, bad key"),
    pytest.param("people: Ola Brenna\n", ["people: must be a list"], id="people not a list"),
]


@pytest.mark.parametrize(("content", "expected"), MALFORMED)
def test_malformed_kb(tmp_path: Path, content: str, expected: list[str]) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_kb(path)
    message = str(err.value)
    assert message.startswith("[E405]") and str(path) in message
    for part in expected:
        assert part in message


def test_missing_kb_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\[E406\] cannot read the knowledge file .*examples/kb.yaml"):
        load_kb(tmp_path / "nope.yaml")


def test_empty_kb_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert load_kb(path).people == ()
