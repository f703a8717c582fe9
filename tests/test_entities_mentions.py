"""Mention repair: table-driven, with sentences written for these tests and spaCy's mistakes simulated."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.entities.mentions import not_people_of, repair_mentions
from storyline.records import Caption, CleanArticle, Mention


def mentions(text: str, *specs: tuple[str, str] | tuple[str, str, int]) -> list[Mention]:
    """Mentions as spaCy would give them: (surface, label[, occurrence])."""
    out = []
    for spec in specs:
        surface, label = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else 0
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        out.append(Mention(start, start + len(surface), surface, label))
    return out


def labelled(ms: list[Mention]) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in ms}


def check_offsets(text: str, ms: list[Mention]) -> None:
    for m in ms:
        assert text[m.start:m.end] == m.text
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start, (a, b)


CASES = [
    pytest.param(
        "The Harbour Council (HC) met. Then the Coastal Guild (CG said no, and Tribune) Harbour Council agreed.",
        [("Coastal Guild (CG", "ORG"), ("Tribune) Harbour Council", "ORG"), ("Harbour Council (HC)", "ORG")],
        {("Coastal Guild", "ORG"), ("Harbour Council", "ORG")},
        {("Coastal Guild (CG", "ORG"), ("Tribune) Harbour Council", "ORG"), ("Harbour Council (HC", "ORG")},
        id="a bracket the span does not close or open is cut off"),
    pytest.param(
        "Talks with Vladimir V. Putin’s envoy ended early.",
        [("Vladimir V. Putin’s", "PERSON")],
        {("Vladimir V. Putin", "PERSON")}, set(), id="possessive stripped"),
    pytest.param(
        "Envoys of the Atlantic Alliance met in The Hague on Monday.",
        [("the Atlantic Alliance", "ORG"), ("The Hague", "GPE")],
        {("Atlantic Alliance", "ORG"), ("The Hague", "GPE")}, set(), id="leading the stripped, The Hague kept"),
    pytest.param(
        "Defence chief Ola Brenna arrived late. Brenna said the talks were useful, and Brenna left.",
        [("Ola Brenna", "PERSON"), ("Brenna", "ORG", 1)],
        {("Ola Brenna", "PERSON"), ("Brenna", "PERSON")}, {("Brenna", "ORG")}, id="ORG to PERSON by consistency"),
    pytest.param(
        "More trucks will be sent to Kiev before the winter, and to Kyiv after it.",
        [("Kiev", "PERSON"), ("Kyiv", "PERSON")],
        {("Kiev", "GPE"), ("Kyiv", "GPE")}, {("Kiev", "PERSON")}, id="Kiev is a place"),
    pytest.param(
        "Berlin will deliver Leopard 2 A6 tanks and London will add “Challenger” tanks by May.",
        [("Berlin", "GPE"), ("Leopard 2 A6", "PERSON"), ("London", "GPE"), ("Challenger", "ORG")],
        {("Berlin", "GPE"), ("London", "GPE")}, {("Leopard 2 A6", "PERSON"), ("Challenger", "ORG")},
        id="tanks are not names"),
    pytest.param(
        "Two batteries of “Patriot” systems arrived, said Mia Challenger, a local mayor.",
        [("Patriot", "WORK_OF_ART"), ("Mia Challenger", "PERSON")],
        {("Mia Challenger", "PERSON")}, {("Patriot", "WORK_OF_ART")}, id="weapon only with a context word"),
    pytest.param(
        "Beijing wants Xi Jinping to speak first at the forum.",
        [("Beijing", "GPE")],
        {("Xi Jinping", "PERSON")}, set(), id="gazetteer adds a missed person"),
    pytest.param(
        "The Lithuanian President, Lena Vaskova warned the neighbours again.",
        [("Lena Vaskova", "ORG")],
        {("Lena Vaskova", "PERSON")}, {("Lena Vaskova", "ORG")}, id="title pattern makes a person"),
    pytest.param(
        "On Monday the ministers Margus Kask Gabrielius Petraitis signed the letter.",
        [("Kask Gabrielius Petraitis", "PERSON")],
        {("Margus Kask", "PERSON"), ("Gabrielius Petraitis", "PERSON")}, {("Kask Gabrielius Petraitis", "PERSON")},
        id="two people glued into one span"),
    pytest.param(
        "An attack on Tallinn, Vilnius or Riga is an attack on all.",
        [("Tallinn, Vilnius or Riga", "ORG")],
        {("Tallinn", "GPE"), ("Vilnius", "GPE"), ("Riga", "GPE")}, set(), id="run-on list of places split"),
    pytest.param(
        "She met Ursula von der Leyen in Brussels.",
        [("Ursula von der", "PERSON"), ("Leyen", "GPE"), ("Brussels", "GPE")],
        {("Ursula von der Leyen", "PERSON")}, {("Leyen", "GPE")}, id="name particle joined"),
    pytest.param(
        "Staff of the Head of State said the budget of the State is ready.",
        [("the Head of State", "WORK_OF_ART"), ("State", "ORG", 1)],
        set(), {("Head of State", "WORK_OF_ART"), ("State", "ORG")}, id="role words are not names"),
    pytest.param(
        "The Lithuanian delegation arrived; the Slovak one stayed home.",
        [("The Lithuanian", "WORK_OF_ART"), ("Slovak", "GPE")],
        {("Lithuanian", "NORP"), ("Slovak", "NORP")}, set(), id="demonyms are NORP"),
    pytest.param(
        "“We were close,” said Juror No. 8 after the verdict.",
        [("Juror No", "PERSON")],
        set(), {("Juror No", "PERSON"), ("No", "PERSON"), ("Juror", "PERSON")}, id="a juror's number is no name"),
    pytest.param(
        "He threw it to Reggie I'm told, but Dana Kessler told reporters otherwise.",
        [("Reggie I'm", "PERSON"), ("Dana Kessler told", "PERSON")],
        {("Reggie", "PERSON"), ("Dana Kessler", "PERSON")}, {("Reggie I'm", "PERSON"), ("Dana Kessler told", "PERSON")},
        id="words glued after a name cut off"),
    pytest.param(
        "Judge Mara Quint read the verdict to Ali al-Sadr and Ursula von der Leyen.",
        [("Judge Mara Quint", "PERSON"), ("Ali al-Sadr", "PERSON"), ("Ursula von der Leyen", "PERSON")],
        {("Mara Quint", "PERSON"), ("Ali al-Sadr", "PERSON"), ("Ursula von der Leyen", "PERSON")},
        {("Judge Mara Quint", "PERSON")}, id="a rank goes, particles stay"),
    pytest.param(
        "Dana Kessler - Dana Kessler marries Tom Reyes, says Omar al - Sadr",
        [("Dana Kessler - Dana Kessler", "PERSON"), ("Tom Reyes", "PERSON"), ("Omar al - Sadr", "PERSON")],
        {("Dana Kessler", "PERSON"), ("Omar al - Sadr", "PERSON")}, {("Dana Kessler - Dana Kessler", "PERSON")},
        id="a headline's pieces apart, a tokeniser's spaced hyphen kept"),
    pytest.param(
        "Photo: Ana Ruiz - AP. TALLINN - Harbour workers met the Harbour Tribune - that is, its staff.",
        [("Ana Ruiz - AP", "PERSON"), ("TALLINN - Harbour", "GPE"), ("Harbour Tribune - that", "ORG")],
        {("TALLINN", "GPE"), ("Harbour Tribune", "ORG")},
        {("Ana Ruiz - AP", "PERSON"), ("TALLINN - Harbour", "GPE"), ("Harbour Tribune - that", "ORG")},
        id="a name ends at a spaced dash: a credit, a dateline, a clause"),
    pytest.param(
        "Secretary-General Ivo Tamm told the General Assembly that the Senate and General Motors agreed.",
        [("Ivo Tamm", "PERSON"), ("Assembly", "PERSON"), ("Senate", "PERSON"), ("Motors", "PERSON")],
        {("Ivo Tamm", "PERSON")}, {("Assembly", "PERSON"), ("Senate", "PERSON"), ("Motors", "PERSON")},
        id="an institution's word alone is no person"),
    pytest.param(
        "Anna Lepik spoke in Tallinn. Protesters held signs: Estonia Lepik out. CNN Lepik waved. Florence Lepik sang.",
        [("Anna Lepik", "PERSON"), ("Estonia Lepik", "PERSON"), ("CNN Lepik", "PERSON"), ("Florence Lepik", "PERSON")],
        {("Anna Lepik", "PERSON"), ("Lepik", "PERSON"), ("Florence Lepik", "PERSON")},
        {("Estonia Lepik", "PERSON"), ("CNN Lepik", "PERSON")},
        id="a place or an outlet before a known surname is no first name"),
    pytest.param(
        "Dana Kessler Quits Over Budget Row\n\nThe finance chief Dana Kessler resigned on Friday after the "
        "cabinet rejected her budget plan, two of her aides said in the capital.",
        [("Dana Kessler Quits", "PERSON"), ("Dana Kessler", "PERSON", 1)],
        {("Dana Kessler", "PERSON")}, {("Dana Kessler Quits", "PERSON")}, id="Title Case headline cut to the name"),
    pytest.param(
        "Orbix Buys Telmara, Enters Chip Design Market\n\nOrbix said on Monday that it would buy the chip "
        "designer Telmara for $300 million, its largest deal so far. Telmara makes low-power processors.",
        [("Buys Telmara", "PERSON"), ("Telmara", "ORG", 1), ("Telmara", "ORG", 2)],
        {("Telmara", "ORG")}, {("Buys Telmara", "PERSON"), ("Telmara", "PERSON")},
        id="no person confirmed: a headline's words are no person"),
    pytest.param(
        "Dana Kessler quits over the budget row\n\nThe finance chief resigned on Friday after the cabinet "
        "rejected her budget plan, two of her aides said in the capital.",
        [("Dana Kessler", "PERSON")],
        {("Dana Kessler", "PERSON")}, set(), id="a sentence-case headline keeps its person"),
    pytest.param(
        "The Harbor Hawks (5-10) opened the scoring. Hawks kicker Tom Reyes added a field goal.",
        [("Harbor Hawks", "PERSON"), ("Hawks", "PERSON", 1), ("Tom Reyes", "PERSON")],
        {("Harbor Hawks", "ORG"), ("Hawks", "ORG"), ("Tom Reyes", "PERSON")},
        {("Harbor Hawks", "PERSON"), ("Hawks", "PERSON")},
        id="a plural after 'the' is a team"),
    pytest.param(
        "The Harris campaign, run for Kamala Harris by aides, said the Bush administration erred.",
        [("Harris", "PERSON"), ("Kamala Harris", "PERSON"), ("Bush", "PERSON")],
        {("Harris", "PERSON"), ("Kamala Harris", "PERSON"), ("Bush", "PERSON")}, set(),
        id="a person's name before a noun after 'the' stays a person"),
    pytest.param(
        "She left the Vera Holm Center, called Palmer Police, and hiked up to Mueller Glacier with Tom Park.",
        [("Vera Holm Center", "PERSON"), ("Palmer Police", "PERSON"), ("Mueller Glacier", "PERSON"),
         ("Tom Park", "PERSON")],
        {("Vera Holm Center", "ORG"), ("Palmer Police", "ORG"), ("Mueller Glacier", "LOC"), ("Tom Park", "PERSON")},
        {("Police", "PERSON"), ("Glacier", "PERSON")}, id="named after a person, not a person"),
    pytest.param(
        "Protesters marched along Vana Harju Street to Wall Street, Peter Street told reporters.",
        [("Vana Harju Street", "PERSON"), ("Wall Street", "PERSON"), ("Peter Street", "PERSON")],
        {("Vana Harju Street", "FAC"), ("Wall Street", "FAC"), ("Peter Street", "PERSON")},
        {("Street", "PERSON"), ("Vana Harju Street", "PERSON")}, id="a street after any word but a first name"),
    pytest.param(
        "Rangers in Aoraki Mt Cook and Tasman National Park found the pair on Mount Tasman, said Ferdinand Mount.",
        [("Aoraki Mt Cook", "PERSON"), ("Tasman National Park", "PERSON"), ("Mount Tasman", "PERSON"),
         ("Ferdinand Mount", "PERSON")],
        {("Aoraki Mt Cook", "LOC"), ("Tasman National Park", "LOC"), ("Mount Tasman", "LOC"),
         ("Ferdinand Mount", "PERSON")},
        {("Aoraki Mt Cook", "PERSON"), ("Mount Tasman", "PERSON")}, id="a mountain and a national park are places"),
    pytest.param(
        "A quake struck the province of Aceh. Aceh shook, said the mayor of the city of Moss, Jesse Moss.",
        [("Aceh", "PERSON"), ("Aceh", "PERSON", 1), ("Jesse Moss", "PERSON")],
        {("Aceh", "GPE"), ("Jesse Moss", "PERSON")}, {("Aceh", "PERSON")},
        id="what the text calls a province is a place wherever it is named"),
    pytest.param(
        "Shelling near Varnivka went on. Troops held Varnivka and Dovzhyk oblast, said Olena Dovzhyk.",
        [("Varnivka", "PERSON"), ("Varnivka", "PERSON", 1), ("Dovzhyk", "PERSON"), ("Olena Dovzhyk", "PERSON")],
        {("Varnivka", "GPE"), ("Olena Dovzhyk", "PERSON")}, {("Varnivka", "PERSON")},
        id="near a place, a region's name: places; a surname the model read in a full name stays"),
    pytest.param(
        "Aides stood near Varn at the rally. Varn said the count was fair.",
        [("Varn", "PERSON"), ("Varn", "PERSON", 1)],
        {("Varn", "PERSON")}, {("Varn", "GPE")}, id="near a person who speaks: a person"),
    pytest.param(
        "She grew up in her hometown of Oskava. Oskava is quiet; the Veltra neighborhood is not.",
        [("Oskava", "PERSON"), ("Oskava", "PERSON", 1), ("Veltra", "PERSON")],
        {("Oskava", "GPE"), ("Veltra", "GPE")}, {("Oskava", "PERSON"), ("Veltra", "PERSON")},
        id="a hometown and a neighbourhood are places"),
    pytest.param(
        "Posted Thu Jun 17, 2025. Stamped Mon, Mar 3 at noon. June Carter sang, and May Lindqvist spoke.",
        [("Thu Jun 17", "PERSON"), ("Mon, Mar", "PERSON"), ("June Carter", "PERSON"), ("May Lindqvist", "PERSON")],
        {("June Carter", "PERSON"), ("May Lindqvist", "PERSON")}, {("Thu Jun 17", "PERSON"), ("Mon, Mar", "PERSON")},
        id="a weekday and a month are a time stamp, a month before a surname a first name"),
    pytest.param(
        "Photograph: Marta Solberg/AP Vestra shares fell. Vestra said on Monday that Vestra would pay.",
        [("Marta Solberg/AP Vestra", "PERSON"), ("Vestra", "ORG", 1), ("Vestra", "ORG", 2)],
        {("Vestra", "ORG")}, {("Vestra", "PERSON"), ("Marta Solberg", "PERSON"), ("Marta Solberg/AP Vestra", "PERSON")},
        id="a photo credit glued to the next word: no person, and the word is no surname"),
    pytest.param(
        "Analyst Ola Brenna BP said output fell. BP said it would pay, and BP shares rose.",
        [("Ola Brenna BP", "PERSON"), ("BP", "ORG", 1), ("BP", "ORG", 2)],
        {("BP", "ORG")}, {("BP", "PERSON")},
        id="an acronym the model ran a name on is not lent as a surname"),
    pytest.param(
        "There was no answer. Despite the rain, Ola Brenna spoke. Mon Feb 21 was cold.",
        [("There", "PERSON"), ("Despite", "PERSON"), ("Ola Brenna", "PERSON"), ("Mon", "PERSON")],
        {("Ola Brenna", "PERSON")}, {("There", "PERSON"), ("Despite", "PERSON"), ("Mon", "PERSON")},
        id="a function word or a cut weekday alone is no name"),
    pytest.param(
        "The Vestra Horizon rig sank off Varna. Tugs towed the Vestra Horizon, and Horizon sank.",
        [("Vestra Horizon", "PERSON"), ("Vestra Horizon", "PERSON", 1), ("Horizon", "LOC", 2)],
        {("Horizon", "LOC")}, {("Horizon", "PERSON")},
        id="a name the text only writes after 'the' lends no surname: a rig's, not a person's"),
    pytest.param(
        "The rig burns off Varna. Photograph: Ola Brenna/AP Crews said on Monday that Mia Lund/Reuters and "
        "(AP Photo/Tor Vik) were there, and that Ana Costa, the mayor, came.",
        [("Ola Brenna", "PERSON"), ("Mia Lund", "PERSON"), ("Tor Vik", "PERSON"), ("Ana Costa", "PERSON")],
        {("Ana Costa", "PERSON")}, {("Ola Brenna", "PERSON"), ("Mia Lund", "PERSON"), ("Tor Vik", "PERSON")},
        id="a photographer credited inside the text is no actor"),
    pytest.param(
        "The Nordlys Star ferry sank off Varna. Divers reached Nordlys Star on Monday, and Star lay on its side.",
        [("Nordlys Star", "PERSON"), ("Nordlys Star", "PERSON", 1), ("Star", "PERSON", 2)],
        {("Nordlys Star", "FAC"), ("Star", "FAC")}, {("Nordlys Star", "PERSON"), ("Star", "PERSON")},
        id="a name before 'ferry' or 'rig' is the vessel's, wherever the article writes it"),
    pytest.param(
        "Navy spokesman Vice Adm. Ana Ruiz said at 9:45 a.m. ET that Sgt. Tor Vik and King would speak.",
        [("Vice Adm", "PERSON"), ("Ana Ruiz", "PERSON"), ("ET", "PERSON"), ("Sgt", "PERSON"), ("Tor Vik", "PERSON"),
         ("King", "PERSON")],
        {("Ana Ruiz", "PERSON"), ("Tor Vik", "PERSON"), ("King", "PERSON")},
        {("Vice Adm", "PERSON"), ("ET", "PERSON"), ("Sgt", "PERSON")},
        id="a title cut short or a time zone is no person; a surname that is a title word stays"),
    pytest.param(
        "The Ana Costa case went to court. Ana Costa said she would appeal.",
        [("Ana Costa", "PERSON"), ("Ana Costa", "PERSON", 1)],
        {("Ana Costa", "PERSON")}, {("Ana Costa", "FAC")},
        id="a person's name before another noun stays hers"),
    pytest.param(
        "Reply Within minutes the post was gone. Ana Costa wrote back.",
        [("Reply Within", "PERSON"), ("Ana Costa", "PERSON")],
        {("Ana Costa", "PERSON")}, {("Reply Within", "PERSON"), ("Within", "PERSON")},
        id="a comment thread's reply button is no name"),
    pytest.param(
        "LIKELY FOE: Harbour Hawks lose their striker\nThe Hawks placed Tor Vik on the injured list.",
        [("LIKELY FOE", "PERSON"), ("Tor Vik", "PERSON")],
        {("Tor Vik", "PERSON")}, {("LIKELY FOE", "PERSON")},
        id="a rubric in capitals before a colon is no person"),
    pytest.param(
        "VIK: We will be back\nStriker Tor Vik said the Hawks would return.\nWe met, SAID ANA: fine.",
        [("VIK", "PERSON"), ("Tor Vik", "PERSON"), ("ANA", "PERSON")],
        {("VIK", "PERSON"), ("Tor Vik", "PERSON"), ("ANA", "PERSON")}, set(),
        id="a speaker's name in capitals before a colon stays, as does one inside a line"),
    # two people side by side, one space apart: one name, or a title and a name
    pytest.param("Karl Lepik's wife spoke. Karl Lepik was shot.", [("Karl", "PERSON", 0), ("Lepik's", "PERSON", 0)],
                 {("Karl Lepik", "PERSON")}, {("Karl", "PERSON")}, id="adjacent names joined"),
    pytest.param("Vestra Mayor Anna Lepik spoke.", [("Vestra Mayor", "PERSON"), ("Anna Lepik", "PERSON")],
                 {("Anna Lepik", "PERSON")}, {("Vestra Mayor", "PERSON"), ("Vestra Mayor Anna Lepik", "PERSON")},
                 id="a title before a name is no one"),
    pytest.param("Tamm's Anna Lepik spoke.", [("Tamm's", "PERSON"), ("Anna Lepik", "PERSON")],
                 {("Anna Lepik", "PERSON")}, {("Tamm's Anna Lepik", "PERSON")}, id="an owner stays apart"),
    pytest.param("Tamm, Anna Lepik spoke.", [("Tamm", "PERSON"), ("Anna Lepik", "PERSON")],
                 {("Tamm", "PERSON"), ("Anna Lepik", "PERSON")}, set(), id="a comma keeps names apart"),
    # a news outlet's noun before a name: an organisation, unless the text gives it a person's title
    pytest.param("Troops fired on the crowd, the Lanuvian newspaper Kivila reported. Kivila said more.",
                 [("Kivila", "PERSON", 0), ("Kivila", "PERSON", 1)], {("Kivila", "ORG")}, {("Kivila", "PERSON")},
                 id="a newspaper is no person"),
    pytest.param("The daily Vaher ran the story. Mr Vaher denied it.", [("Vaher", "PERSON", 0), ("Vaher", "PERSON", 1)],
                 {("Vaher", "PERSON")}, {("Vaher", "ORG")}, id="a titled name after an outlet's noun stays a person"),
    pytest.param("Amin El Kadri Ben Salem fled the capital.", [("Amin El Kadri", "PERSON"), ("Ben Salem", "PERSON")],
                 {("Amin El Kadri Ben Salem", "PERSON")}, {("Ben Salem", "PERSON"), ("Amin El Kadri", "PERSON")},
                 id="a long compound name the model cut is one name"),
    # must not change: two whole names of five words are two people
    pytest.param("Anna M. Lepik Jaan Tamm spoke.", [("Anna M. Lepik", "PERSON"), ("Jaan Tamm", "PERSON")],
                 {("Anna M. Lepik", "PERSON"), ("Jaan Tamm", "PERSON")}, {("Anna M. Lepik Jaan Tamm", "PERSON")},
                 id="two whole names stay two"),
    # words the model takes into a name, and spans that name nobody
    pytest.param("Via Twitter, reporter Lena Kask said the square was full.",
                 [("Via Twitter", "PERSON"), ("Lena Kask", "PERSON")],
                 {("Twitter", "ORG"), ("Lena Kask", "PERSON")}, {("Via Twitter", "PERSON"), ("Twitter", "PERSON")},
                 id="a live blog's source is a platform, not a person"),
    pytest.param("The vote went to Lepik Unfortunately, the count was late.", [("Lepik Unfortunately", "PERSON")],
                 {("Lepik", "PERSON")}, {("Lepik Unfortunately", "PERSON")},
                 id="the next sentence's first word is no part of a name"),
    pytest.param("Fleet Chairman Navy Adm. Rein Kask told the panel.", [("Navy", "PERSON"), ("Rein Kask", "PERSON")],
                 {("Rein Kask", "PERSON")}, {("Navy Adm", "PERSON"), ("Navy", "PERSON"), ("Adm", "PERSON")},
                 id="a service and a rank after a title are no name"),
    pytest.param("Harbour Guard Capt. Ivo Saar said the pier was shut.",
                 [("Harbour Guard Capt.", "ORG"), ("Ivo Saar", "PERSON")],
                 {("Harbour Guard", "ORG"), ("Ivo Saar", "PERSON")}, {("Harbour Guard Capt", "ORG")},
                 id="an organisation ends before the rank of the person it names"),
    pytest.param("Ohio Democrat Mara Lind voted no.", [("Ohio Democrat", "PERSON"), ("Mara Lind", "PERSON")],
                 {("Mara Lind", "PERSON")}, {("Ohio Democrat", "PERSON"), ("Ohio Democrat Mara Lind", "PERSON")},
                 id="a party member's name follows the party"),
    pytest.param("The vote split, and the Ohio Democrat voted no.", [("Ohio Democrat", "PERSON")],
                 {("Ohio Democrat", "NORP")}, {("Ohio Democrat", "PERSON")},
                 id="a party member is described, not named"),
    pytest.param("Tropical Storm Vesna moved west on Monday.", [("Storm Vesna", "PERSON")],
                 {("Storm Vesna", "EVENT")}, {("Storm Vesna", "PERSON")}, id="a storm is no person"),
    pytest.param("Officials at the Vestra Atmospheric Administration said the slick had grown.",
                 [("Vestra Atmospheric Administration", "PERSON")],
                 {("Vestra Atmospheric Administration", "ORG")}, {("Vestra Atmospheric Administration", "PERSON")},
                 id="an administration is an organisation"),
    pytest.param("Rescue chief Adm Saar said the pier was shut.", [("Adm Saar", "PERSON")],
                 {("Saar", "PERSON")}, {("Adm Saar", "PERSON")}, id="a rank cut short without its stop"),
    pytest.param("Fighting reached the eastern city of Ras Vestra on Monday. Ras Vestra fell.",
                 [("Ras Vestra", "PERSON"), ("Ras Vestra", "PERSON", 1)],
                 {("Ras Vestra", "GPE")}, {("Ras Vestra", "PERSON")}, id="a city of two words"),
    pytest.param("Following Kask, the crowd marched. The following day was calm. Mara Kask spoke.",
                 [("Following Kask", "PERSON"), ("Mara Kask", "PERSON")],
                 {("Kask", "PERSON"), ("Mara Kask", "PERSON")}, {("Following Kask", "PERSON")},
                 id="a common word before a known surname is no first name"),
    pytest.param("Mara Kask Airstrikes hit the port. The airstrikes went on, Mara Kask said.",
                 [("Mara Kask Airstrikes", "PERSON"), ("Mara Kask", "PERSON", 1)],
                 {("Mara Kask", "PERSON")}, {("Mara Kask Airstrikes", "PERSON")},
                 id="a common word after a known name is no part of it"),
    pytest.param("Mari Vaher spoke first. Vaher said the port was shut.",
                 [("Mari Vaher", "PERSON"), ("Vaher", "ORG")], {("Mari Vaher", "PERSON"), ("Vaher", "PERSON")},
                 {("Mari", "PERSON"), ("Vaher", "ORG")},
                 id="must not change: a surname the model also read as an organisation"),
    pytest.param("Mara Kask Says No. Mara Kask spoke again.",
                 [("Mara Kask Says", "PERSON"), ("Mara Kask", "PERSON", 1)],
                 {("Mara Kask", "PERSON")}, {("Mara Kask Says", "PERSON")},
                 id="a common English word after a known name, never written in lower case here"),
    pytest.param("Mara Kask spoke first. The talk by Mara Kask Greenpeace staged was cut. Greenpeace said so.",
                 [("Mara Kask", "PERSON"), ("Mara Kask Greenpeace", "PERSON"), ("Greenpeace", "ORG", 1)],
                 {("Mara Kask", "PERSON"), ("Greenpeace", "ORG")},
                 {("Mara Kask Greenpeace", "PERSON"), ("Greenpeace", "PERSON")},
                 id="an organisation after a name, its full stop lost"),
    pytest.param("The Harbour Commission on the Oil Spill met. The spill is shrinking.", [("Oil Spill", "PERSON")],
                 set(), {("Oil Spill", "PERSON")}, id="common words only, the last also in lower case"),
    pytest.param("Boy Kask sang. Magic Johnson played.", [("Boy Kask", "PERSON"), ("Magic Johnson", "PERSON")],
                 {("Boy Kask", "PERSON"), ("Magic Johnson", "PERSON")}, set(),
                 id="must not change: a word for a first name, a surname never written in lower case"),
    pytest.param("Bill Kask signed the bill. Gordon Brown wore a brown coat. Lena Gordon agreed.",
                 [("Bill Kask", "PERSON"), ("Gordon Brown", "PERSON"), ("Lena Gordon", "PERSON")],
                 {("Bill Kask", "PERSON"), ("Gordon Brown", "PERSON")}, {("Kask", "PERSON"), ("Gordon", "PERSON")},
                 id="must not change: a given name that is also a common word"),
    pytest.param("A travel ban was lifted. Vestra Secretary-General Ban Ki-moon spoke.", [("Ban Ki-moon", "PERSON")],
                 {("Ban Ki-moon", "PERSON")}, {("Ki-moon", "PERSON")},
                 id="must not change: a surname written first that is also a common word"),
    pytest.param("Anti-Kask protesters gathered.", [("Anti-Kask", "PERSON")], set(), {("Anti-Kask", "PERSON")},
                 id="a stance against a person is no person"),
    pytest.param("By Lena Kask The Vestra Herald. Ana Ruiz: Outside the court, crowds waited.",
                 [("Lena Kask The Vestra Herald", "PERSON"), ("Ana Ruiz: Outside", "PERSON")],
                 {("Lena Kask", "PERSON"), ("Ana Ruiz", "PERSON")},
                 {("Lena Kask The Vestra Herald", "PERSON"), ("Ana Ruiz: Outside", "PERSON")},
                 id="a name ends before an outlet's 'The' and at a colon"),
    pytest.param("Estonian Mara Lind won. Shares of Vestra Energy and Harbour Plc fell.",
                 [("Estonian Mara Lind", "PERSON"), ("Vestra Energy", "PERSON"), ("Harbour Plc", "PERSON")],
                 {("Mara Lind", "PERSON"), ("Vestra Energy", "ORG"), ("Harbour Plc", "ORG")},
                 {("Estonian Mara Lind", "PERSON"), ("Vestra Energy", "PERSON"), ("Harbour Plc", "PERSON")},
                 id="a nationality before a name, a company's last word"),
    pytest.param("Said the committee's chairman, Ohio Democrat Mara Lind. The General Administration for Ports "
                 "agreed. If Kask is to be a good president, Africa must help.",
                 [("Mara Lind", "PERSON")], {("Mara Lind", "PERSON")},
                 {("Ohio", "PERSON"), ("Administration", "PERSON"), ("Africa", "PERSON")},
                 id="after a title, a state before a party, an institution's word, a continent are no names"),
    pytest.param("Mara Lind met Lena Kask in Vestra.", [("Mara Lind", "PERSON"), ("Lena Kask", "PERSON")],
                 {("Mara Lind", "PERSON"), ("Lena Kask", "PERSON")}, set(),
                 id="must not change: plain names"),
]

CORPUS_CASES = [
    pytest.param("Mara Kask met Mara Kask King at the port.", ["Jaan King"],
                 [("Mara Kask", "PERSON"), ("Mara Kask King", "PERSON")],
                 {("Mara Kask King", "PERSON")}, set(), id="must not change: a common word that is a known surname"),
    # a first name learnt from a person the model made of an organisation's name does not spread
    pytest.param("Sailors saw two Coast Guard cutters at dawn. Tamm was aboard.", ["Coast Tamm"],
                 [("Coast Guard", "ORG")],
                 {("Coast Guard", "ORG")}, {("Coast Guard", "PERSON")},
                 id="a first name learnt from the corpus does not overrule the model's organisation"),
    pytest.param("Sailors saw two White Fleet ships at dawn. Tamm was aboard.", ["White Tamm"],
                 [("White Fleet", "ORG")],
                 {("White Fleet", "ORG")}, {("White Fleet", "PERSON")},
                 id="a first name learnt from the corpus does not overrule the model's organisation, any"),
    pytest.param("Democrat leaders met in Vestra.", ["Vestra Democrat"], [("Democrat", "NORP")],
                 {("Democrat", "NORP")}, {("Democrat", "PERSON")},
                 id="a party word is no surname, whatever the corpus once took for a person"),
    # known people the corpus learnt from the model's mistakes: a surname lent to a word the model reads
    # as a place here, a full name or a learnt first name after "the"
    pytest.param("Oil reached the Gulf coast. Crews in the Gulf said the Gulf was calm.", ["Tern Gulf"],
                 [("Gulf", "LOC"), ("Gulf", "LOC", 1), ("Gulf", "LOC", 2)], {("Gulf", "LOC")}, {("Gulf", "PERSON")},
                 id="a place here is no surname learnt elsewhere"),
    pytest.param("The Vestra Horizon rig sank. Aides at the White Hall met.", ["Vestra Horizon", "White Hall"],
                 [], set(), {("Vestra Horizon", "PERSON"), ("White Hall", "PERSON")},
                 id="after 'the', a name the corpus took for a person is a thing's"),
    pytest.param("Ships left Vestra Bay on Monday. Vestra Bay was calm.", ["Vestra Bay"],
                 [("Vestra Bay", "GPE"), ("Vestra Bay", "GPE", 1)], {("Vestra Bay", "GPE")}, {("Vestra Bay", "PERSON")},
                 id="a name the model reads as a place here stays one, whatever the corpus once learnt"),
    pytest.param("Oil from the Vestra Horizon spill reached Varna. Horizon crews left.", ["Vestra Horizon"], [],
                 set(), {("Vestra Horizon", "PERSON"), ("Horizon", "PERSON")},
                 id="a name the corpus took for a person is a vessel's where its noun follows; no word of it is lent"),
    pytest.param("Crowds filled Vestra Square on Friday.", ["Vestra Square"], [], set(),
                 {("Vestra Square", "PERSON")}, id="a square is no person"),
    pytest.param("Ilmar Sepp and Tamm met the press on Friday.", ["Ilmar Tamm"], [], {("Ilmar Sepp", "PERSON")}, set(),
                 id="a first name learnt from the corpus still finds a person the model missed"),
    pytest.param("Colonel Wrona said the line held. Wrona added that the Wrona plan worked.", ["Tomasz Wrona"],
                 [("Wrona", "ORG", 1)], {("Wrona", "PERSON")}, {("Wrona", "ORG")},
                 id="a surname learnt elsewhere is lent, 'the Wrona plan' too"),
    # two people run together split where a known first name follows a word that is none, but not
    # after a particle: "Abdel Karim Hamdi" is one man, though the corpus knows a "Karim Hamdi"
    pytest.param("Vaino Tamm Karim Hamdi spoke. Later Abdel Karim Hamdi left.", ["Karim Hamdi"],
                 [("Vaino Tamm Karim Hamdi", "PERSON"), ("Abdel Karim Hamdi", "PERSON")],
                 {("Karim Hamdi", "PERSON"), ("Abdel Karim Hamdi", "PERSON")}, {("Abdel", "PERSON")},
                 id="no split after a particle"),
    # nor after an initial: the first name the corpus learnt from "Kask Tamm" is a surname here
    pytest.param("Aron J. Kask Jr spoke to the board. Tamm agreed.", ["Kask Tamm"], [("Aron J. Kask Jr", "PERSON")],
                 {("Aron J. Kask Jr", "PERSON")}, {("Aron J.", "PERSON"), ("Kask Jr", "PERSON")},
                 id="no split after an initial"),
]


@pytest.mark.parametrize(("text", "known", "spacy", "want", "unwanted"), CORPUS_CASES)
def test_repair_with_what_the_corpus_knows(text: str, known: list[str], spacy: list[tuple], want: set,
                                           unwanted: set) -> None:
    test_repair(text, spacy, want, unwanted, known)


def test_a_surname_only_the_corpus_knows_is_not_lent_to_a_word_opening_a_sentence() -> None:
    """The corpus knows a "Toomas Look"; "Look at the harbour" opens a sentence with the verb (a
    preposition, an article, a pronoun or a comma follows). Inside a sentence, where the capital
    says a name, the surname is still lent."""
    text = "Look at the harbour now. Later, Look said the quay was safe."
    got = [(m.start, m.label) for m in repair_mentions(text, [], known_people=["Toomas Look"]) if m.text == "Look"]
    assert got == [(text.rindex("Look"), "PERSON")]
    # must not change: a name opening a sentence before its verb ("Bieber can't remember …")
    text = "Rivers cannot remember the harbour."
    assert ("Rivers", "PERSON") in labelled(repair_mentions(text, [], known_people={"Jaan Rivers"}))


@pytest.mark.parametrize(("text", "spacy", "want", "unwanted"), CASES)
def test_repair(text: str, spacy: list[tuple], want: set, unwanted: set, known: tuple[str, ...] = ()) -> None:
    out = repair_mentions(text, mentions(text, *spacy), known_people=known)
    check_offsets(text, out)
    assert want <= labelled(out)
    assert not unwanted & labelled(out)


def test_untagged_surname_becomes_a_person() -> None:
    text = "Ola Brenna spoke first. Later Brenna left the room."
    out = repair_mentions(text, mentions(text, ("Ola Brenna", "PERSON")))
    assert [m.text for m in out if m.label == "PERSON"] == ["Ola Brenna", "Brenna"]


def test_known_people_from_the_corpus() -> None:
    text = "According to Wrona, the exercise went as planned."
    out = repair_mentions(text, mentions(text, ("Wrona", "ORG")), known_people={"Tomasz Wrona"})
    assert ("Wrona", "PERSON") in labelled(out)


def test_known_surname_written_in_lower_case_is_the_common_noun() -> None:
    """A surname the corpus knows ("Joan Rivers", "Ada Police") is not lent PERSON in an article that also
    writes it in lower case; without the lower-case use it still is."""
    text = "Rivers burst their banks on Monday. The rivers rose fast, and Rivers was closed."
    out = repair_mentions(text, [], known_people={"Joan Rivers"})
    assert ("Rivers", "PERSON") not in labelled(out)
    text = "Officers sealed the street, and Police said the police station stayed open."
    out = repair_mentions(text, mentions(text, ("Police", "PERSON")), known_people={"Ada Police"})
    assert [m.text for m in out if m.label == "PERSON"] == ["Police"]  # the model's own tag stays; nothing is added
    text = "Rivers said on Monday that the budget was sound."
    assert ("Rivers", "PERSON") in labelled(repair_mentions(text, [], known_people={"Joan Rivers"}))


@pytest.mark.parametrize(("text", "word", "person"), [
    ("Arson suspected in dairy fire\nInvestigators said the arson began in the loading bay.", "Arson", False),
    ("Police said the road was closed. Officers told the police union.", "Police", False),
    ("“Rescue came late,” a neighbour said of the rescue.", "Rescue", False),
    ("Young said the plan was sound. Neil Young told young voters so.", "Young", True),  # his surname here
    ("Arson suspected in dairy fire\nInvestigators said the fire began in the loading bay.", "Arson", True),
    ("The fire crew and Arson arrived; the arson squad left.", "Arson", True),  # not at a sentence start
])
def test_a_one_word_person_opening_a_sentence_is_a_common_noun_the_text_writes_in_lower_case(
        text: str, word: str, person: bool) -> None:
    out = repair_mentions(text, mentions(text, (word, "PERSON"), *([("Neil Young", "PERSON")] if "Neil" in text else [])))
    assert ((word, "PERSON") in labelled(out)) is person


def test_a_place_the_corpus_took_for_a_person_is_a_place_where_the_text_says_so() -> None:
    """The corpus learnt "Banda Aceh" as a person; this text calls Aceh a province."""
    text = "A quake struck the province of Aceh. In Banda Aceh, houses shook."
    out = labelled(repair_mentions(text, mentions(text, ("Banda Aceh", "ORG")), known_people={"Banda Aceh"}))
    assert ("Banda Aceh", "GPE") in out and not {m for m in out if m[1] == "PERSON"}


@pytest.mark.parametrize(("text", "label", "why"), [
    ("Vestra, which owned the rig, blamed the crew. Vestra sent divers.", "ORG", "a relative clause of a company"),
    ("The owners of the rig, Vestra, met the panel. Vestra declined to comment.", "ORG", "the owners of a thing"),
    ("The contractor Vestra said the seal held. Vestra shares fell.", "ORG", "a company noun before it"),
    ("Vestra's chief executive resigned on Monday.", "ORG", "its chief executive"),
    ("Vestra, the drilling contractor, cut jobs.", "ORG", "an apposition"),
    ("Vestra, the company said, will pay.", "GPE", "the company said: Vestra is no apposition there"),
    ("The firm Vestra, which owned the rig, has offices in Vestra too.", "GPE", "the text also calls it a place"),
    ("Fighting reached the oil firm Vestra, Libya on Monday.", "GPE", "its country after it: a place"),
    ("Shares in Vestra fell after the firm Vestra said it would pay.", "ORG", "shares in a company are no place"),
    ("Troops entered Vestra, which lies on the coast.", "GPE", "a town can have a relative clause"),
])
def test_a_place_the_model_read_is_a_company_where_the_text_says_so(text: str, label: str, why: str) -> None:
    out = labelled(repair_mentions(text, mentions(text, ("Vestra", "GPE"))))
    assert ("Vestra", label) in out, why


def test_a_known_place_stays_a_place_whatever_its_context() -> None:
    text = "Libya, which owns the oil fields, sold them. Libya's chief executive is no such thing."
    assert ("Libya", "GPE") in labelled(repair_mentions(text, mentions(text, ("Libya", "GPE"))))


def test_a_known_first_name_before_an_institution_is_no_person() -> None:
    """"Vera" is a first name the corpus knows, but "Vera Police" and "Vera Valley" are a force and a place."""
    text = "Call Vera Police Sergeant Ann Moe or drive to Vera Valley before Tuesday."
    spacy = mentions(text, ("Vera Police Sergeant Ann Moe", "ORG"), ("Vera Valley", "GPE"))
    out = labelled(repair_mentions(text, spacy, known_people={"Vera Lund", "Ann Moe", "Tom Police"}))
    assert ("Ann Moe", "PERSON") in out
    assert not {m for m in out if m[1] == "PERSON" and ("Police" in m[0] or "Valley" in m[0])}


def test_headline_only_text_cut_to_a_person_the_corpus_knows() -> None:
    text = "Dana Kessler Quits Over Budget Row"
    spacy = mentions(text, ("Dana Kessler Quits", "PERSON"))
    assert labelled(repair_mentions(text, spacy, known_people={"Dana Kessler"})) == {("Dana Kessler", "PERSON")}


def test_headline_only_text_without_evidence_keeps_the_model_span() -> None:
    text = "Dana Kessler Quits Over Budget Row"  # nothing to check the span against
    spacy = mentions(text, ("Dana Kessler Quits", "PERSON"))
    assert labelled(repair_mentions(text, spacy)) == {("Dana Kessler Quits", "PERSON")}


def test_place_surname_is_not_propagated() -> None:
    text = "Anna Warsaw visited Warsaw."  # an invented person named like a city
    out = repair_mentions(text, mentions(text, ("Anna Warsaw", "PERSON"), ("Warsaw", "GPE", 1)))
    assert ("Warsaw", "GPE") in labelled(out)


def test_photographers_and_agencies_are_not_people() -> None:
    text = "Ola Brenna speaks in Oslo (Photo: Kari Lund/AFP). Lund took several pictures."
    spacy = mentions(text, ("Ola Brenna", "PERSON"), ("Oslo", "GPE"), ("Kari Lund", "PERSON"), ("AFP", "ORG"),
                     ("Lund", "PERSON", 1))
    out = repair_mentions(text, spacy, not_people={"Kari Lund", "AFP"})
    assert labelled(out) == {("Ola Brenna", "PERSON"), ("Oslo", "GPE")}


def test_photographer_surname_shared_with_a_story_person_stays() -> None:
    text = "Minister Per Lund spoke. Lund was firm (Photo: Kari Lund)."
    spacy = mentions(text, ("Per Lund", "PERSON"), ("Lund", "PERSON", 1), ("Kari Lund", "PERSON"))
    out = repair_mentions(text, spacy, not_people={"Kari Lund"})
    assert ("Per Lund", "PERSON") in labelled(out) and ("Lund", "PERSON") in labelled(out)
    assert ("Kari Lund", "PERSON") not in labelled(out)


def test_not_people_of_an_article() -> None:
    article = CleanArticle(id="x", source="x", path="x", format="txt", raw_text="", text="", offsets=[],
                           credits=["EFE"], captions=[Caption("A caption", "REUTERS / Kari Lund", ("Kari Lund",),
                                                              ("Reuters",))])
    assert not_people_of(article) == {"EFE", "Kari Lund", "Reuters"}


def test_other_labels_pass_through() -> None:
    text = "On 12 July 2023 the talks ended."
    spacy = mentions(text, ("12 July 2023", "DATE"))
    assert repair_mentions(text, spacy) == spacy


def test_trace_says_which_rule_did_what() -> None:
    text = "Tanks will be sent to Kiev soon."
    trace: list = []
    repair_mentions(text, mentions(text, ("Kiev", "PERSON")), trace=trace)
    assert [r.rule for r in trace] == ["gazetteer: GPE"]


_TEXT = ("NATO Secretary General Ola Brenna met the President of Poland, Andrzej Duda, in Kiev. "
         "Brenna’s visit, said the Polish president, “Challenger” tanks and all, was useful.\n"
         "Lithuanian President Gitan Nauseda and Xi Jinping were not there.")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_TEXT) - 1), st.integers(1, 25),
                          st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "DATE", "WORK_OF_ART"])), max_size=12))
def test_any_spans_give_valid_offsets(spans: list[tuple[int, int, str]]) -> None:
    ms = [Mention(s, min(len(_TEXT), s + n), _TEXT[s:min(len(_TEXT), s + n)], label) for s, n, label in spans]
    out = repair_mentions(_TEXT, ms, not_people={"Kari Lund"})
    check_offsets(_TEXT, out)
    assert all(m.end > m.start for m in out)


@pytest.mark.parametrize(("place", "country"), [
    ("Khartoum", "Sudan"), ("Ashgabat", "Turkmenistan"), ("Tehran", "Iran"),  # the world table
    ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"), ("Hong Kong", "China"),  # the curated table wins
    ("Amman", "Jordan"),  # the capital of a country whose name is a person's too
    ("Hamilton", None), ("Victoria", None), ("Colombo", None),  # capitals as often a person's name
    ("Malibu", "United States"), ("Brooklyn", "United States"), ("Alaska", "United States"),  # GeoNames' towns, states
    ("Krakow", "Poland"), ("Kraków", "Poland"), ("Amsterdam", "Netherlands"),  # accents; the table's spelling
    ("Paris", "France"), ("Georgia", "Georgia"),  # the most populous town of the name; a country before a state
    ("Jordan", None), ("Vestra Bay", None),  # a name as often a person's; a place nobody lists
])
def test_places_of_the_world_and_their_countries(place: str, country: str | None) -> None:
    from storyline.entities.places import place_country

    assert place_country(place) == country


@pytest.mark.parametrize(("word", "country"), [
    ("Sudanese", "Sudan"), ("Iranians", "Iran"), ("Turkmen", "Turkmenistan"), ("Polish", "Poland"),
    ("Chinese", "China"),  # not Hong Kong's or Macau's
    ("Congolese", None),  # two Congos: neither
])
def test_demonyms_of_the_world(word: str, country: str | None) -> None:
    from storyline.entities import gazetteer as gz

    assert gz.DEMONYMS.get(word) == country


def test_a_capital_the_model_took_for_a_person_is_a_place_and_a_name_like_one_is_not() -> None:
    text = "Refugees fled Khartoum on Sunday. Hamilton said the race in Monaco was hard. Chad scored."
    out = labelled(repair_mentions(text, mentions(text, ("Khartoum", "PERSON"), ("Hamilton", "PERSON"),
                                                  ("Chad", "PERSON"))))
    assert {("Khartoum", "GPE"), ("Hamilton", "PERSON"), ("Chad", "PERSON")} <= out


def test_a_name_the_corpus_reads_as_a_place_or_an_organisation_takes_that_reading() -> None:
    """The model reads "Vestra" as a person now and then; the corpus, as a town more often."""
    corpus = {"Vestra": "GPE", "Harbour House": "ORG"}.get
    text = "Vestra fell to the rebels. Aides at Harbour House met."
    spacy = mentions(text, ("Vestra", "PERSON"), ("Harbour House", "PERSON"))
    assert {("Vestra", "GPE"), ("Harbour House", "ORG")} <= labelled(repair_mentions(text, spacy, known_things=corpus))
    assert {("Vestra", "PERSON"), ("Harbour House", "PERSON")} <= labelled(repair_mentions(text, spacy))


@pytest.mark.parametrize(("text", "spacy"), [
    pytest.param("Mara Vestra arrived on Monday. Vestra said the talks went well.",
                 [("Mara Vestra", "PERSON"), ("Vestra", "PERSON", 1)], id="the article's person"),
    pytest.param("President Vestra said the port would open.", [("Vestra", "PERSON")], id="a title before the name"),
])
def test_a_name_the_corpus_reads_as_a_place_stays_a_person_where_the_article_says_so(text: str, spacy: list) -> None:
    out = repair_mentions(text, mentions(text, *spacy), known_things={"Vestra": "GPE"}.get)
    assert ("Vestra", "PERSON") in labelled(out)
