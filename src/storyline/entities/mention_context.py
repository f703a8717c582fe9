"""What the words around a name say it is, whatever the model read.

* a place: "the province of Aceh", "near Avdiivka" (:func:`places_named`);
* a vessel or a structure: "the Vestra Horizon rig" (:func:`things_named`);
* a company: "Vestra, which owned the rig" (:func:`companies_named`);
* a news outlet: "the newspaper Quryna" (:func:`outlets_named`);
* a photographer's credit left in the running text: "Photograph: Marta Solberg/AP"
  (:func:`inline_credits`).

Each function finds the names and returns them; :func:`storyline.entities.mentions.repair_mentions`
relabels or drops the mentions.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from storyline.clean.credits import agency
from storyline.entities import gazetteer as gz
from storyline.records import Mention

#: Every place name the gazetteer knows: world countries and capitals, their aliases.
PLACES = {**gz.PLACE_COUNTRY, **gz.COUNTRY_NAMES, **{a: a for a in gz.PLACE_ALIASES}}

#: "the province of Aceh", "the city of Bakhmut", "her hometown of Wasilla": the capitalised word
#: after it is a place; so is the word before "province", "oblast" ("Kherson oblast", "the leftist
#: Exarchia neighborhood"), and after "near", "outside" ("shelling near Avdiivka"): prepositions a
#: person follows too rarely ("around Putin", "toward Palin" do).
_PLACE_OF = re.compile(r"\b(?:(?:province|state|region|city|town|village|district|county|island|republic|municipality|"
                       r"prefecture|governorate|canton|oblast|regency|hometown|neighbou?rhood|suburb|outskirts) of "
                       r"(?:the )?|(?:near|outside|throughout) )([A-Z][\w'’-]+)(?![\w'’-]| [A-Z])"
                       r"|\b([A-Z][\w'’-]+) (?:province|region|oblast|governorate|prefecture|regency|neighbou?rhood|"
                       r"suburb)\b"
                       # two words after a settlement's noun: "the eastern city of Ras Vestra"
                       r"|\b(?:city|town|village|port) of ([A-Z][\w'’-]+ [A-Z][\w'’-]+)(?![\w'’-]| [A-Z])")
#: What only a person is: a title before the word, a speech verb after it.
_TITLED = r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Senator|Sen|Governor|Gov|Rep|General|Gen)\.? {0}\b"
_PERSON_CONTEXT = "(?:" + _TITLED + r"|\b{0} (?:said|says|told|added|argued|stated|wrote|insisted)\b)"
#: What only an organisation is, around a word the model read as a place or a people: its shares,
#: chief executive or legal form after it ("Vestra's shares", "Vestra Ltd"), an apposition or a
#: relative clause of a company ("Vestra, the drilling contractor, ...", "Vestra, which owned the
#: rig"), or a company noun before it that the word ends ("the contractor Vestra said").
_ORG_CONTEXT = (r"\b{0}(?:['’]s )?(?:shares|stock|chief executive|CEO|chairman|spokesman|spokeswoman|spokesperson|"
                r"board of directors|Ltd|Inc|Corp|plc|SA|AG)\b"
                r"|\b{0}, (?:(?:the|a|an) (?:[\w-]+ ){{0,2}}(?:company|firm|contractor|operator|maker|subsidiary)"
                r"(?! says| said|['’]s)|which (?:owns|owned|operates|operated|employs|employed|leased))\b"
                r"|\b(?:company|firm|contractors?|operator|maker|subsidiary|owners? of the [a-z-]+,?) {0}"
                r"(?=[,.;:]| (?:said|says|was|is|has|had|and|which|who|did|declined|denied)\b)")
#: What only a place is: "in", "near" or "outside" before it (not "shares in"), or its country
#: after it ("Vestby, Norway").
_IN_PLACE = (r"(?<![Ss]hares )(?<![Ss]take )(?<!invested )(?<![Ii]nvestment )\b(?:in|near|outside) {0}\b"
             r"|\b{0}, (?P<country>[A-Z][\w'’-]+)")
#: Nouns only a made thing's name comes before ("the Vestra Horizon rig", "the Nordlys ferry"): a
#: person's name before a noun is his ("the Obama administration", "the Smith case"), never a vessel.
_THING_NOUN = re.compile(r"\s(?:(?:oil|drilling|gas|offshore|cargo|container|cruise|passenger|research) )?"
                         r"(?:rig|platform|vessel|ship|tanker|ferry|freighter|trawler|liner|yacht|submarine|"
                         r"warship|frigate|destroyer|aircraft carrier|spacecraft|space probe|satellite|reactor|"
                         r"pipeline|(?:oil )?spill|blowout|wellhead|wreck|sinking)s?\b")


#: A news outlet's noun right before a name: "the Libyan newspaper Quryna", "the news agency Vestra".
_OUTLET_BEFORE = re.compile(r"\b(?:newspaper|daily|weekly|tabloid|magazine|news agency|broadcaster|news channel|"
                            r"television channel|TV channel|radio station|news website|news site) $")


def outlets_named(text: str, ms: list[Mention]) -> set[str]:
    """The "people" the text calls a news outlet ("the Libyan newspaper Quryna", :data:`_OUTLET_BEFORE`)
    and nowhere gives a person's title ("Mr Quryna"): organisations wherever the article names them.
    "Quryna said" does not make a person: outlets say things."""
    named = {m.text for m in ms if m.label == "PERSON" and _OUTLET_BEFORE.search(text, max(0, m.start - 40), m.start)}
    return {n for n in named if not re.search(_TITLED.format(re.escape(n)), text)}


def places_named(text: str, ms: list[Mention], model_people: set[tuple[int, int]]) -> set[str]:
    """The "people" the text calls a place ("the province of Aceh", "the city of Bakhmut", "Kherson
    oblast", "near Avdiivka", and of two words after a settlement's noun: "the city of Ras Lanuf";
    :data:`_PLACE_OF`) and nowhere a person ("Mr Aceh", "Aceh said"): places wherever the article
    names them, and so is a "person" of more words ending in one word of them ("Banda Aceh", a
    person only by what the corpus learnt), unless the model itself read that
    span as a person (``model_people``: "Jesse Jackson" in a text on the city of Jackson): then
    the word is his name too, and left alone."""
    places = {m[1] or m[2] or m[3] for m in _PLACE_OF.finditer(text)}
    if not places:
        return places
    places -= {m.text.rsplit(" ", 1)[1] for m in ms if m.label == "PERSON" and " " in m.text
               and (m.start, m.end) in model_people}
    return {p for p in places if not re.search(_PERSON_CONTEXT.format(re.escape(p)), text)}


def things_named(text: str, ms: list[Mention], known_full: Collection[str]) -> set[str]:
    """The "people" the text writes before a vessel's or a structure's noun (:data:`_THING_NOUN`:
    "the Vestra Horizon rig", "the Nordlys ferry"), and their last words alone ("the Horizon"): a
    building or vehicle (FAC) wherever the article names it, never an actor. What the corpus took
    for a person (``known_full``) is a thing here too: a "Vestra Horizon" the model left untagged."""
    things = {m.text for m in ms if m.label == "PERSON" and _THING_NOUN.match(text, m.end)}
    things |= {n for n in known_full if any(_THING_NOUN.match(text, end) for _, end in occurrences(text, n, "_"))}
    return things | {t.rsplit(" ", 1)[1] for t in things if " " in t}


def companies_named(text: str, ms: list[Mention]) -> set[str]:
    """The one-word "places" or "peoples" the text calls a company (:data:`_ORG_CONTEXT`: "Vestra,
    which owned the rig", "the contractor Vestra said") and nowhere a place ("in Vestra", "Vestra,
    Norway"): organisations wherever the article names them. Known places and demonyms stay."""
    candidates = {m.text for m in ms if m.label in ("GPE", "LOC", "NORP") and " " not in m.text
                  and m.text not in PLACES and m.text not in gz.LOCATIONS and m.text not in gz.DEMONYMS}
    return {w for w in candidates if re.search(_ORG_CONTEXT.format(re.escape(w)), text)
            and not named_as_place(text, w)}


def named_as_place(text: str, word: str) -> bool:
    """Whether the text puts ``word`` where only a place goes: "in Vestra", "Vestby, Norway"."""
    for m in re.finditer(_IN_PLACE.format(re.escape(word)), text):
        if m["country"] is None or m["country"] in PLACES:
            return True
    return False


def occurrences(text: str, word: str, joiners: str) -> Iterable[tuple[int, int]]:
    """Where ``word`` stands alone in ``text``: not inside a longer word (letters, digits, ``joiners``).

    ``str.find`` rather than a regular expression per name: names are many, each used once.
    """
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        before, after = text[at - 1:at], text[end:end + 1]
        if not (before and (before.isalnum() or before in joiners)) and not (after and (after.isalnum()
                                                                                      or after in joiners)):
            yield at, end
        at = text.find(word, at + 1)


#: Words before a photographer's name in a credit the cleaner left in the text: "Photograph:",
#: "Photo by", "AP Photo/".
_CREDIT_BEFORE = re.compile(r"(?:\b(?:Photo(?:graph)?s?|Pictures?|Images?|Credit)(?:\s+by)?\s*:?|"
                            r"\b[A-Z]{2,7}\s+Photos?\s*/)\s*$")
#: ... and an agency after a slash after it: "Marta Solberg/AP", "Ola Brenna / Reuters".
_CREDIT_AFTER = re.compile(r"\s*/\s*([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})")


def inline_credits(text: str, ms: list[Mention]) -> set[str]:
    """Photographers credited inside the running text ("... sinks. Photograph: Marta Solberg/AP"):
    the caption was not a line of its own, so the cleaner could not take it out."""
    out = set()
    for m in ms:
        if m.label != "PERSON":
            continue
        after = _CREDIT_AFTER.match(text, m.end)
        if _CREDIT_BEFORE.search(text, max(0, m.start - 30), m.start) or (after and agency(after.group(1))):
            out.add(m.text)
    return out
