"""End to end with spaCy: the sample corpus' cast, and a short article written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import Lexicon, clean_document
from storyline.clean.glue import glued_stems
from storyline.entities import EntityIndex, link_article, load_kb
from storyline.ingest import discover, read_file
from storyline.nlp import analyse
from storyline.records import AnalysedArticle, BadInput, RawDocument

ROOT = Path(__file__).resolve().parents[1]

#: the cast of examples/README.md with the spellings the sample corpus uses
CAST = {
    "Jens Stoltenberg": {"Stoltenberg"},
    "Andrzej Duda": {"Duda"},
    "Gitanas Nausėda": {"Gitanas Nauseda", "Gitan Nauseda", "Nauseda", "Nausėda"},
    "Klaus Iohannis": {"Klaus Lohannis", "Iohannis"},
    "Alexander De Croo": {"Alexander DeCroo", "DeCroo"},
    "Alexander Lukashenko": {"Alyaksandr Lukashenka"},
    "Kaja Kallas": {"Kallas"},
    "Wang Wenbin": set(),
    "Margus Tsahkna": set(),
    "Gabrielius Landsbergis": set(),
    "Tomasz Wrona": {"Wrona"},
    "Rūta Vaitkienė": set(),
}
PHOTOGRAPHERS = {"Ingrid Halvorsen", "Marta Solberg", "Toomas Rebane"}


@pytest.fixture(scope="module")
def sample() -> list[AnalysedArticle]:
    docs = [d for item in discover([str(ROOT / "examples")]) if not isinstance(item, BadInput)
            for d in read_file(item) if not isinstance(d, BadInput)]
    lexicon = Lexicon({})
    for d in docs:
        lexicon.observe(d.text)
    lexicon.add_stems(glued_stems((d.text for d in docs), lexicon))
    return analyse([clean_document(d, lexicon) for d in docs])


@pytest.mark.slow
def test_sample_cast_is_one_entity_each_with_the_kb(sample: list[AnalysedArticle]) -> None:
    kb = load_kb(ROOT / "examples" / "kb.yaml")
    index = EntityIndex(kb=kb)
    for a in sample:
        link_article(a, index, kb)
    people = [e for e in index.entities("PERSON") if e.mentions]
    for name, variants in CAST.items():
        holders = [e for e in people if e.name == name or set(e.aliases) & (variants | {name})]
        assert [e.name for e in holders] == [name], name
        assert variants <= {name, *holders[0].aliases}, name
    assert not {e.name for e in people} & PHOTOGRAPHERS
    for wrong in ("Kyiv", "Vilnius", "Bratislava", "Hajnówka", "BelTA", "Patriot", "Bosphorus"):
        assert wrong not in {e.name for e in people}


@pytest.mark.slow
def test_sample_without_kb_keeps_canonical_spellings(sample: list[AnalysedArticle]) -> None:
    index = EntityIndex()
    for a in sample:
        link_article(a, index)
    names = {e.name for e in index.entities("PERSON") if e.mentions}
    assert {"Gitanas Nausėda", "Klaus Iohannis", "Alexander De Croo", "Jens Stoltenberg"} <= names
    assert not names & {"Gitan Nauseda", "Klaus Lohannis", "Alexander DeCroo"}


@pytest.mark.slow
def test_an_article_written_for_this_test() -> None:
    text = ("Vaskova warns Minsk after drills\n\n"
            "NATO Secretary General Jens Stoltenberg met Estonian Prime Minister Kaja Kallas in Tallinn on Monday. "
            "Stoltenberg said that the Alliance will send more jets to the region. "
            "“We will defend every inch,” declared the Norwegian diplomat.\n\n"
            "Kallas added that Leopard 2 A6 tanks and “Challenger” tanks are already on the way to Kiev.\n\n"
            "Jens Stoltenberg and Kaja Kallas at the press conference in Tallinn (REUTERS / Kari Lundberg)")
    doc = RawDocument(source="t", path="t.txt", text=text, published="2023-05-15")
    article = clean_document(doc)
    [analysed] = analyse([article])
    kb = load_kb(ROOT / "examples" / "kb.yaml")
    index = EntityIndex(kb=kb)
    found = link_article(analysed, index, kb)
    people = {index.entity(eid).name for (s, e), eid in found.links.items()
              if index.entity(eid).type == "PERSON"}
    assert people == {"Jens Stoltenberg", "Kaja Kallas"}
    assert not {m.text for m in found.mentions if m.label == "PERSON"} & {"Kiev", "Leopard 2 A6", "Challenger"}
    diplomat = next(d for d in found.descriptions if "diplomat" in d.text)
    assert index.entity(found.resolved[(diplomat.start, diplomat.end)]).name == "Jens Stoltenberg"
    assert any(f.role.title == "Prime Minister" and f.role.org == "Estonia" for f in found.roles)
