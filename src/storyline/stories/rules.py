"""What rules a story out for an article whatever the words say (long texts only).

Text similarity cannot tell apart two meetings of the same officials in the same weeks, two
title fights of one boxer or two arrests of players of one team: the reports read alike. What
differs is evidence each report names:

* **counterparts**: a meeting or a contest has its counterpart ("talks with Duda", "stopped Sam
  Ortega"). A story of one never takes an article that does not name the person met or beaten,
  and an article of one never joins a story none of whose articles names them;
* **places**: a meeting, press conference or summit (:data:`SEATED_KINDS`) happens in one place.
  One in another city is another event, and so is one that never names the city of the other's
  (a report filed from Warsaw about the meeting in Brussels still names Brussels);
* **subjects**: an arrest or an injury (``events.PERSONAL_KINDS``) happens to someone. One that
  is not about the person the story is about is another arrest, even when it names them (the
  second arrest recalls the first);
* **kinds**: a summit is not a ministerial meeting (``events.DISTINCT_KINDS``).

Each rule is a pure function of the article's side (:class:`ArticleSide`) and the story's
counters, switched by a flag of :class:`~storyline.stories.index_types.StoryParams`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.stories.events import PERSONAL_KINDS, distinct_kinds

if TYPE_CHECKING:
    from storyline.stories.index_types import Story, StoryParams

#: Kinds of event held in one place: one in another city is another event ("visit" is left out:
#: a tour visits several places, and sports reports call a team "visiting").
SEATED_KINDS = frozenset({"meeting", "press conference", "summit", "ministerial meeting"})

SameCountry = Callable[[str, Iterable[str]], bool]


@dataclass(frozen=True, slots=True)
class ArticleSide:
    """What the rules read of the article being filed."""

    place: str | None
    kind: str | None
    main: list[str]  #: the people the article is about, first the one its title names first
    counterparts: list[str]  #: people met or beaten
    persons: dict[str, float]  #: person keys of the article's mentions
    names: frozenset[str]  #: lower-cased capitalised words of the text
    #: ... of its title and lead, where it names the city of what it reports (None: the whole text)
    place_names: frozenset[str] | None = None


def ruled_out(params: StoryParams, article: ArticleSide, story: Story, same_country: SameCountry) -> str | None:
    """The rule that rules the story out for the article (``counterpart``, ``place``, ``subject``,
    ``kind``), or None."""
    if params.counterpart_rule and not counterparts_agree(article, story):
        return "counterpart"
    if params.one_day_place_rule and not places_agree(article, story, same_country):
        return "place"
    if params.subject_rule and not subjects_agree(article, story):
        return "subject"
    if params.distinct_kinds_rule and distinct_kinds(article.kind, top_kind(story)):
        return "kind"
    return None


def counterparts_agree(article: ArticleSide, story: Story) -> bool:
    """False when the story is a meeting with (or a contest against) someone the article never
    names, or the article one with someone no article of the story names."""
    if story.counterparts and not named_in_article(top(story.counterparts), article):
        return False
    return not article.counterparts or named_in_story(article.counterparts, story)


def places_agree(article: ArticleSide, story: Story, same_country: SameCountry) -> bool:
    """False when a meeting (press conference, summit) and the story's are in different cities,
    or the article or the story never names the city of the other's: a meeting in The Hague is
    not the story's meeting in Brussels. A report filed from Warsaw about the meeting in
    Brussels still names Brussels where it says what it reports (``place_names``: its title and
    lead), so naming the city there is enough; further down it is background."""
    place, kind = article.place, article.kind
    names = article.names if article.place_names is None else article.place_names
    if place and story.places and kind in SEATED_KINDS and place not in story.places \
            and not same_country(place, story.places) and not named(story.places, names):
        return False
    if place and story.meeting_places and place not in story.meeting_places \
            and not same_country(place, story.meeting_places) and not named(story.meeting_places, names):
        return False  # nor is anything in The Hague the story's meeting in Brussels
    if kind in SEATED_KINDS and top_kind(story) in SEATED_KINDS:
        if story.meeting_places:
            return place in story.meeting_places or named(story.meeting_places, names) \
                or bool(place) and same_country(place, story.meeting_places)
        if place and story.named_places and place not in story.named_places:
            return same_country(place, story.named_places)
    return True


def other_meeting_places(a: Story, b: Story, same_country: SameCountry) -> bool:
    """Whether two stories are meetings (press conferences, summits) in different cities: never
    merged, whatever a report that fits both says (it mentions the one and reports the other)."""
    if not a.meeting_places or not b.meeting_places:
        return False
    mine, theirs = top(a.meeting_places), top(b.meeting_places)
    return not set(mine) & set(theirs) and not any(same_country(x, theirs) for x in mine)


def subjects_agree(article: ArticleSide, story: Story) -> bool:
    """False when the article and the story are of one personal kind (an arrest, an injury:
    ``events.PERSONAL_KINDS``) and none of the people the article is about is the person the
    story is about. Naming is not enough: a report of the second arrest recalls the first."""
    if article.kind not in PERSONAL_KINDS or not article.main or not story.subjects or top_kind(story) != article.kind:
        return True
    return any(same_person(k, s) for k in article.main for s in top(story.subjects))


def other_subjects(a: Story, b: Story) -> bool:
    """Whether two stories, one of them of a personal kind (an arrest, an injury), are about
    different people: never merged."""
    if not a.subjects or not b.subjects or not ({top_kind(a), top_kind(b)} & PERSONAL_KINDS):
        return False
    return not any(same_person(x, y) for x in top(a.subjects) for y in top(b.subjects))


def same_person(a: str, b: str) -> bool:
    """Whether two person keys may name one person: the surname of either is a word of the other
    (``person:dale-mercer`` and ``person:dale-mercer-arrested``, a name the model ran on)."""
    return surname(a) == surname(b) or surname(a) in name_tokens(b) or surname(b) in name_tokens(a)


def other_counterparts(a: Story, b: Story) -> bool:
    """Whether two stories are meetings (or contests) with different people: never merged."""
    if not a.counterparts or not b.counterparts:
        return False
    return not {surname(k) for k in top(a.counterparts)} & {surname(k) for k in top(b.counterparts)}


def top(counts: Counter[str]) -> list[str]:
    """The keys counted at least half as often as the most counted one."""
    most = max(counts.values(), default=0)
    return [k for k, n in counts.items() if 2 * n >= most]


def top_kind(story: Story) -> str | None:
    return story.kinds.most_common(1)[0][0] if story.kinds else None


def named(places: Iterable[str], names: frozenset[str]) -> bool:
    """Whether the text names one of the places (by the words of its key): a report filed from
    Warsaw about the meeting in Brussels still says Brussels."""
    return any(all(w in names for w in key.split()) for key in places)


def named_in_article(keys: Iterable[str], article: ArticleSide) -> bool:
    """Whether the article names one of the people: by key, or by a word of the name as written."""
    return any(k in article.persons or any(t in article.names for t in name_tokens(k)) for k in keys)


def named_in_story(keys: Iterable[str], story: Story) -> bool:
    """Whether an article of the story names one of the people, by key or by a word of the name."""
    known = set(story.persons) | {t for k in story.persons for t in name_tokens(k)}
    return any(k in known or any(t in known for t in name_tokens(k)) for k in keys)


def name_tokens(key: str) -> list[str]:
    """``person:jamal-williams-arrested`` → its words: a name the model ran on still names Williams."""
    return [t for t in re.split(r"[:\s-]", key)[1:] if len(t) >= 3]


def surname(key: str) -> str:
    """``person:andrzej-duda`` → ``duda``: how a key is matched against names as written."""
    return re.split(r"[:\s-]", key)[-1]
