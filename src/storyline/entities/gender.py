"""The gender a name usually goes with, for pronoun agreement ("she" is not "Bob Tamm").

A title says it first ("Mrs Berg"), then a short list of given names of people in the news,
then the table below, and only for a given name followed by a surname: a surname alone
("Jordan", "Morgan") says nothing.

The names come from the nomquamgender package's table (MIT; 720k given names from 30-odd
national and international sources, each with its share of women). A name counts as
feminine or masculine only when at least :data:`CERTAIN` of its bearers are of that
gender and it was seen :data:`MIN_COUNT` times: "Jean", "Andrea" and "Kim" stay unknown,
and an unknown name agrees with any pronoun. The table is read from the package's data
file (its Python module would import pandas), once, on first use.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path

from storyline.clean.glue import english_zipf
from storyline.entities.names import fold

#: given names of people in the news, held even without a surname after them ("Hillary said")
FEMALE = frozenset("""hillary kamala nancy elizabeth theresa angela ursula kaja ingrida sanna mette annalena
liz margaret condoleezza madeleine michelle melania ivanka sarah carly jill nikki susan maria marie anna anne
ann jane janet mary patricia linda barbara jennifer laura lisa karen betsy kellyanne huma donna debbie
elena olena iryna zuzana jacinda giorgia marine ségolène christine kristalina roberta victoria
samantha hope tulsi amy kirsten elise ilhan alexandria rashida ayanna marsha dianne joni""".split())
MALE = frozenset("""jens andrzej donald joe barack george bill john james robert michael david mike ted marco
bernie jeb ben chris rand scott paul mitch vladimir volodymyr emmanuel olaf boris rishi xi recep viktor
gitanas klaus mark mateusz alexander sergei dmitry yevgeny wang jonas edi antony lloyd josep charles
tim tom kevin steve reince newt rudy jeff rick""".split())
#: given names the news gives to prominent women and men alike, whatever the table's majority says
#: ("Lindsey Graham", "Lindsey Vonn"): of unknown gender, so they agree with any pronoun
SHARED = frozenset({"lindsey"})
#: third-person singular pronouns and the gender they agree with
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
REFLEXIVES = frozenset({"himself", "herself"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "lady", "queen", "princess", "dame"})
CERTAIN = 0.9
MIN_COUNT = 3
#: bearers in the package's table that make a word a given name (:func:`is_given_name`)
GIVEN_NAME_BEARERS = 300
COMMON_GIVEN_BEARERS = 20_000
#: wordfreq's Zipf frequency from which a word is a common English one: "sun" 5.0, "bush" 4.5, "allen" 4.4
COMMON_WORD_ZIPF = 4.5
#: ... and from which it is an English word at all ("spill" 3.9), for rules with other evidence
ENGLISH_WORD_ZIPF = 3.5
_DATA = "name_data.json"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, int]]:
    """The gender of each name of the package's table, and the bearers of the names with at least
    :data:`GIVEN_NAME_BEARERS` of them (read once: the file holds 720k rows)."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}, {}  # not installed: every name is of unknown gender
    path = Path(next(iter(spec.submodule_search_locations))) / _DATA
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError):
        return {}, {}
    genders, bearers = {}, {}
    for name, row in raw.items():
        count, share = row[1], row[2]
        if count >= MIN_COUNT and share is not None and (share >= CERTAIN or share <= 1 - CERTAIN):
            genders[name] = "f" if share >= CERTAIN else "m"
        if count >= GIVEN_NAME_BEARERS:
            bearers[name] = count
    return genders, bearers


def is_given_name(word: str) -> bool:
    """Whether people are given ``word`` as a first name: a name of the lists above, or one the
    package's table counts :data:`GIVEN_NAME_BEARERS` bearers of. The table holds noise ("The",
    "Herald" as someone's given name), so a common English word needs :data:`COMMON_GIVEN_BEARERS`
    ("Christian", "Jay" but not "Mother", "Boy" or "General")."""
    low = fold(word)
    if low in MALE or low in FEMALE or low in SHARED:
        return True
    count = _tables()[1].get(low, 0)
    return count >= COMMON_GIVEN_BEARERS or (count > 0 and not is_common_word(word))


def is_common_word(word: str, zipf: float = COMMON_WORD_ZIPF) -> bool:
    """Whether ``word`` is a common English word ("People", "Follow", "Sun"), by wordfreq's Zipf
    frequency (:data:`COMMON_WORD_ZIPF`): surnames that are also words ("Bush", "Brown") are too."""
    return english_zipf(word.lower()) >= zipf


def given_name_gender(word: str) -> str | None:
    """"f", "m" or ``None`` (unknown or shared) for a given name."""
    return _tables()[0].get(fold(word)) if word else None


#: the honorific right before a name: "Mrs. Obama", "Mr Ruto" (a king's or a queen's title names an office)
_HONORIFIC = re.compile(r"\b(" + "|".join(sorted((MALE_TITLES | FEMALE_TITLES) - {"king", "queen", "prince", "princess"}))
                        + r")\.?\s+$", re.IGNORECASE)


def honorific_gender(text: str, start: int) -> str | None:
    """"m" or "f" when the name at ``start`` in ``text`` follows a gendered honorific ("Mrs. "), else None."""
    found = _HONORIFIC.search(text[max(0, start - 8):start])
    if not found:
        return None
    return "m" if found.group(1).lower() in MALE_TITLES else "f"


def name_gender(words: Sequence[str], *, skip: Collection[str] = ()) -> str | None:
    """"m", "f" or ``None`` for a name given as lower-case words; ``skip``: words before the given
    name that are no part of it ("president", "senator")."""
    for w in words[:2]:
        if w in MALE_TITLES:
            return "m"
        if w in FEMALE_TITLES:
            return "f"
    k, first = next(((k, w) for k, w in enumerate(words) if w not in skip), (0, ""))
    if first in SHARED:
        return None
    if first in FEMALE or first in MALE:
        return "f" if first in FEMALE else "m"
    return given_name_gender(first) if k + 1 < len(words) else None
