"""Hand-made article features for the stories tests (no spaCy): mentions found by string search."""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.records import Mention, Sentence
from storyline.stories import ArticleFeatures
from storyline.timex import tag


def article(aid: str, title: str, body: str, *, published: str | None = None, outlet: str | None = None,
            people: tuple[str, ...] = (), places: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> ArticleFeatures:
    """An article whose text is ``title`` + newline + ``body``, split into sentences at ". "."""
    text = f"{title}\n{body}"
    sentences = [Sentence(0, len(title))]
    for m in re.finditer(r"[^.!?]+[.!?]+[”\"]?", body):
        start = len(title) + 1 + m.start() + (len(m.group()) - len(m.group().lstrip()))
        sentences.append(Sentence(start, len(title) + 1 + m.end()))
    mentions: list[Mention] = []
    named = [(n, "PERSON") for n in people] + [(n, "GPE") for n in places] + [(n, "ORG") for n in orgs]
    for name, label in sorted(named, key=lambda x: -len(x[0])):  # "Andrzej Duda" before "Duda"
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(o.start <= m.start() < o.end for o in mentions):
                mentions.append(Mention(m.start(), m.end(), name, label))
    mentions.sort(key=lambda m: m.start)
    return ArticleFeatures(id=aid, text=text, title=title, published=published, sentences=sentences,
                           mentions=mentions, timexes=tag(text, published), outlet=outlet)


def reports(title: str, rest: str, **names: tuple[str, ...]) -> Callable[[str, str], ArticleFeatures]:
    """A maker of reports of one kind of event: ``make(aid, lead)`` opens on its own lead, then
    the same title, body and names (``people``, ``places``, ``orgs``) as :func:`article` takes."""
    def make(aid: str, lead: str) -> ArticleFeatures:
        return article(aid, title, f"{lead} {rest}", **names)
    return make


#: Two castings for one role, a season apart: reports of either read alike (the series, the role,
#: the broadcaster), but each is about another actor, and only the later one names the earlier.
_SERIES = ("The science-fiction series Starfarer follows the crew of a deep-space freighter.",
           "Fans of Starfarer had waited weeks for the casting news from the broadcaster Northlight.",
           "The role of the Navigator is the most coveted part on British television.",
           "Northlight said filming of the new season starts at its studios in Cardiff.")
_FIRST_CASTING = ("Vera Lindqvist has been named as the new Navigator in Starfarer.",
                  "Lindqvist, a Glasgow-born actress of 26, becomes the youngest lead the series has had.",
                  "Lindqvist signed a three-year contract after a secret audition in the autumn.",
                  "Producers praised her energy and comic timing in the audition.",
                  "Lindqvist was until now best known for a hospital drama on daytime television.",
                  "She said playing the Navigator was a childhood dream come true.")
_SECOND_CASTING = ("Tomas Brandt will take over the role of the Navigator from Vera Lindqvist.",
                   "Brandt, a veteran stage actor of 58, is the oldest lead the series has ever cast.",
                   "Brandt was revealed as the new star during a live broadcast on Sunday evening.",
                   "Brandt played kings and villains with the royal theatre company for three decades.",
                   "Lindqvist announced in the spring that she would leave after four seasons.",
                   "Brandt said he had watched the series with his grandchildren for years.")
#: The first casting told from another angle: her home town's pride, still about her.
_HOME_TOWN = ("Glasgow celebrates as Vera Lindqvist wins the Navigator role in Starfarer.",
              "Neighbours in the Govan street where Lindqvist grew up hung flags from their windows.",
              "Her old drama teacher said Lindqvist rehearsed in the school hall every lunch break.",
              "The local cinema will show the first episode of Lindqvist's season on a big screen.",
              "Her parents run a bakery and sold cakes iced with the freighter's emblem.",
              "The city council said Lindqvist would be invited to switch on the winter lights.")


def casting_reports(which: str, n: int, seed: int = 0) -> list[ArticleFeatures]:
    """``n`` reports of a casting (``first``, ``second``, or ``home``: the first from another
    angle), each its own selection and order of the event's sentences and the series' background."""
    import random

    lines = {"first": _FIRST_CASTING, "second": _SECOND_CASTING, "home": _HOME_TOWN}[which]
    rng = random.Random(f"{which}-{seed}")
    out = []
    for i in range(n):
        body = [lines[0], *rng.sample(lines[1:], len(lines) - 2), *rng.sample(_SERIES, 3)]
        out.append(article(f"{which}{i}", lines[0].rstrip("."), " ".join(body),
                           people=("Vera Lindqvist", "Lindqvist", "Tomas Brandt", "Brandt"),
                           places=("Cardiff", "Glasgow", "Govan"), orgs=("Northlight",)))
    return out


#: Two earthquakes in one country a year apart: the reports share the country's background and
#: the agencies; each names its own province and towns.
_QUAKE_BACKGROUND = ("Earthquakes are frequent across the islands of Indonesia, which lie on several faults.",
                     "The national disaster agency said rescue teams had been sent to the area.",
                     "The meteorology agency said there was no threat of a tsunami.",
                     "Aid groups said damaged roads slowed the delivery of tents and water.")
_QUAKE_NORTH = ("A strong earthquake shook Aceh province on the northern tip of Sumatra.",
                "In Takengon, houses collapsed and a mosque was badly damaged.",
                "The quake struck in the highlands of Aceh at a depth of ten kilometres.",
                "Residents of Takengon and Bener Meriah spent the night outside.",
                "Landslides cut the road between Takengon and the coast of Aceh.",
                "Hospitals in Banda Aceh received injured people from the highlands.")
_QUAKE_EAST = ("A powerful earthquake struck West Papua near the town of Manokwari.",
               "In Manokwari, a hotel collapsed and the airport terminal was cracked.",
               "The quake was centred off the coast of West Papua at a depth of thirty kilometres.",
               "Residents of Manokwari fled to the hills fearing the sea.",
               "Power was cut across Manokwari and the nearby villages of West Papua.",
               "The regional hospital in Manokwari treated dozens of injured people in tents.")


def quake_reports(which: str, n: int, seed: int = 0) -> list[ArticleFeatures]:
    """``n`` reports of an earthquake (``north`` or ``east``), like :func:`casting_reports`."""
    import random

    lines = {"north": _QUAKE_NORTH, "east": _QUAKE_EAST}[which]
    rng = random.Random(f"{which}-{seed}")
    out = []
    for i in range(n):
        body = [lines[0], *rng.sample(lines[1:], len(lines) - 2), *rng.sample(_QUAKE_BACKGROUND, 3)]
        out.append(article(f"{which}{i}", lines[0].rstrip("."), " ".join(body),
                           places=("Indonesia", "Aceh", "Sumatra", "Takengon", "Bener Meriah", "Banda Aceh",
                                   "West Papua", "Manokwari")))
    return out
