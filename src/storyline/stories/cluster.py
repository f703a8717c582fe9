"""Stories, incrementally: a new article joins the story of the same event, or starts one.

Text similarity alone merges every article about the same people and places: two meetings of
the same two people in the same city fifteen months apart read alike. So an article is matched
to a story on what makes events differ as well as on its words:

    score = cos(article terms, story centroid)          # salient words and names, tf-idf
          + date    (same day: bonus; days apart: penalty; weeks apart: never the same story;
                     a date without a year, "on Nov. 12", the article undated: a small penalty
                     when the calendar puts it weeks off the story's dates)
          + place   (same place: bonus; another place: penalty)
          + people  (shared participants: bonus; none shared: penalty)
          + kind    (same kind: bonus; an unrelated kind: penalty)

and joins the best story scoring at least ``threshold``. A short text (a headline) is matched on
its words and date only: the people, place and kind read off six words are more noise than
evidence. Short texts also share few words, so single-pass filing splits a story into fragments
that each grew before they met; after a short text joins a story, that story merges with its
nearest story when their centroids are similar enough (``merge_threshold``): the smaller is
folded into the larger, and its id lives on as an alias. Any article can leave a fragment: one
that fell just short of the threshold before its story grew starts a story of its own. A later
article that fits both the story it joins and such a small story folds it in (``bridge_ratio``,
``bridge_short_ratio``). Nothing is compared all-pairs: the candidate stories come from a
small inverted index over the article's most salient terms, participants and place, each
posting list capped to the stories last active under that key, plus time-bucketed postings so
that an article about an old event still finds its story. The cost of adding an article is
bounded by the caps, not by the size of the store.

Some evidence rules a story out whatever the words say (long texts only): the person met or
beaten, the city of a meeting, the person arrested, a summit against a ministerial meeting
(:mod:`storyline.stories.rules`). Adding never moves an earlier article to another story, except
that a merge moves a whole story, and a story of long texts that turns out to hold two events
splits in two (:mod:`storyline.stories.split`): the group holding its first article keeps it.

Everything the index holds goes to and comes back from plain rows (:meth:`StoryIndex.to_rows`),
so the store can persist it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import Any

from storyline.entities.places import place_key_country
from storyline.stories.events import ONE_DAY_KINDS, Event, compatible_kinds
from storyline.stories.index_types import (BRIDGED, FRAGMENTS_MET, REHOMED, Assignment, Member, Story, StoryChange,
                                           StoryParams, TextFeatures, When, calendar_gap, event_when, split_reason)
from storyline.stories.rules import (SEATED_KINDS, ArticleSide, other_counterparts, other_meeting_places,
                                     other_subjects, ruled_out, top_kind)
from storyline.stories.split import find_split, is_checkpoint
from storyline.stories.terms import DocumentFrequencies, shared_words, weigh

_ENTITY_PARTS = ("place", "people", "persons")  #: the parts of a score that say who and where


class StoryIndex:
    """Incremental story clustering over events and term vectors; see the module docstring.

    Args:
        params: thresholds and weights.
        place_country: ``place key → country`` lookup, so that "Brussels" and "Belgium" are not
            taken for different places; by default the gazetteer's (``place_key_country``).
    """

    def __init__(self, params: StoryParams | None = None, *, place_country: Callable[[str], str | None] | None = None,
                 prefix: str = "s") -> None:
        self.params = params or StoryParams()
        self.place_country = place_country or place_key_country
        self.prefix = prefix
        self.dfs = DocumentFrequencies()
        self.stories: dict[str, Story] = {}
        self.members: dict[str, Member] = {}
        self._postings: dict[str, dict[str, None]] = {}
        self._alias: dict[str, str] = {}  #: merged story id → the story it was folded into
        self._merges: list[tuple[str, str]] = []  #: (folded, into) since the last :meth:`take_merges`
        self._moves: list[tuple[str, str]] = []  #: (article, story it left) since the last :meth:`take_moves`
        self._log: list[StoryChange] = []  #: splits and merges since the last :meth:`take_log`
        self._seq = 0
        self._next_id = 1

    # -- public API ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.stories)

    def story_of(self, article_id: str) -> str | None:
        m = self.members.get(article_id)
        return m.story_id if m else None

    def resolve(self, story_id: str) -> str:
        """The id a story goes by now: itself, or the story it was merged into."""
        root = story_id
        while root in self._alias:
            root = self._alias[root]
        while story_id != root:  # path compression: chains of merges stay short
            parent = self._alias[story_id]
            self._alias[story_id] = root
            story_id = parent
        return root

    def take_merges(self) -> list[tuple[str, str]]:
        """``(folded, into)`` story merges since the last call, oldest first (for the store)."""
        out, self._merges = self._merges, []
        return out

    def take_log(self) -> list[StoryChange]:
        """The splits and merges since the last call, oldest first, each with its reason."""
        out, self._log = self._log, []
        return out

    def take_moves(self) -> list[tuple[str, str]]:
        """``(article, story it left)`` for the articles a split moved since the last call, oldest
        first (for the store; where each is now: :meth:`story_of`)."""
        out, self._moves = self._moves, []
        return out

    def add(self, article_id: str, event: Event, text: TextFeatures) -> Assignment:
        """File one article: join the best-matching story or start a new one; returns where it went."""
        if article_id in self.members:
            return Assignment(self.members[article_id].story_id, False, 1.0)
        self.dfs.add(text.bag.weights, text.bag.priors)
        vector = weigh(text.bag, self.dfs, top=self.params.top_terms)
        when = event_when(event)
        member = self.member(article_id, event, text, vector)
        best: tuple[float, Story, dict[str, float]] | None = None
        scored: list[tuple[float, Story]] = []
        threshold, short = self._threshold(vector), len(vector) < self.params.short_text_terms
        for story in self._candidates(vector, when, member.people, member.place):
            parts = self._score(vector, when, member.people, member.place, member.kind, story, member.persons,
                                member.main, member.anchors, text.names, member.counterparts, text.lead_names)
            if parts is None or not short and parts["text"] < self.params.min_text_ratio * threshold:
                continue  # the same people in the same city do not make words far apart one event
            total = sum(parts.values())
            scored.append((total, story))
            if best is None or total > best[0]:
                best = (total, story, parts)
        self._seq += 1
        if best is not None and best[0] >= threshold:
            story, new, score, parts = best[1], False, best[0], best[2]
        else:
            story, new, score, parts = self._new_story(), True, 0.0, {}
        member.story_id, member.seq = story.id, self._seq
        self._apply(member, story, when)
        if not new:
            story = self._bridge(story, scored, threshold, short)
        if short and len(story.article_ids) >= 2 and self._mostly_short(story):
            story = self._merge_nearest(story)
        elif not new and is_checkpoint(story.long, self.params.split_first) and not self._mostly_short(story):
            if self.params.split_rule:
                self._split_if_two(story)
            if self.params.rehome_ratio and story.id in self.stories:
                self._rehome(self.stories[story.id])
        return Assignment(member.story_id, new, score, parts)

    def _rehome(self, story: Story) -> None:
        """Fold into a grown ``story`` the lone long reports, filed before it grew, that now fit it
        well (``rehome_ratio`` times their join threshold): single-pass filing compared them with
        the story as it was then, a report or two. The lone reports are the ones the story's own
        words look up, so the cost does not grow with the store. They are scored from their member
        rows, which keep no text: the rule on the city a lead names does not apply."""
        p = self.params
        for other in self._candidates(self._centroid_query(story), When(), list(story.people), None):
            if other.id == story.id or other.id not in self.stories or len(other.article_ids) != 1:
                continue
            m = self.members[other.article_ids[0]]
            if m.copy_of or len(m.vector) < p.short_text_terms:
                continue
            when = event_when(Event(m.article_id, date=m.date, date_source=m.date_source, kind=m.kind))
            parts = self._score(m.vector, when, m.people, m.place, m.kind, story, m.persons, m.main, m.anchors,
                                frozenset(), m.counterparts, None)
            threshold = self._threshold(m.vector)
            if parts is None or parts["text"] < p.min_text_ratio * threshold:
                continue
            if sum(parts.values()) >= p.rehome_ratio * threshold:
                story = self._merge(story, other, REHOMED)

    def member(self, article_id: str, event: Event, text: TextFeatures, vector: dict[str, float]) -> Member:
        """The row an article is filed as, before it has a story (``story_id`` is set on filing)."""
        place = event.place_key
        named_places = sorted(set(text.places) | ({place} if place else set())) \
            if len(vector) >= self.params.short_text_terms else []
        return Member(article_id, "", 0, vector, event.date, event.date_source, place,
                      sorted({p.key for p in event.participants if p.label == "PERSON"}), dict(text.people),
                      list(event.main), [t for t in text.title_names if self.dfs.idf(t) >= self.params.anchor_idf],
                      event.kind, list(event.counterparts), named_places)

    def add_copy(self, article_id: str, original_id: str) -> str:
        """File a duplicate of an already filed article: it goes where the original went."""
        if article_id in self.members:
            return self.members[article_id].story_id
        original = self.members[original_id]
        self._seq += 1
        self.members[article_id] = Member(article_id, original.story_id, self._seq, copy_of=original_id)
        self.stories[original.story_id].article_ids.append(article_id)
        return original.story_id

    def clusters(self) -> dict[str, str]:
        """``{article_id: story_id}`` for every filed article."""
        return {a: m.story_id for a, m in self.members.items()}

    # -- matching -----------------------------------------------------------------------------

    def _threshold(self, vector: dict[str, float]) -> float:
        """The join threshold, lower for short texts: a headline of six words shares fewer words
        with its story than an article does, at the same relatedness (cosine shrinks with length)."""
        p = self.params
        return p.threshold * math.sqrt(min(1.0, len(vector) / p.short_terms))

    def _keys(self, vector: dict[str, float], people: Iterable[str], place: str | None) -> list[str]:
        top = sorted(vector.items(), key=lambda kv: -kv[1])[: self.params.block_terms]
        keys = [t for t, _ in top] + ["p:" + p for p in people]
        if place:
            keys.append("l:" + place)
        return keys

    def _bucket(self, day: int) -> int:
        return day // self.params.bucket_days

    def _candidates(self, vector: dict[str, float], when: When, people: list[str], place: str | None) -> list[Story]:
        votes: Counter[str] = Counter()
        for key in self._keys(vector, people, place):
            weight = vector.get(key, 0.2)
            lookups = [key]
            if when.lo is not None:
                b = self._bucket(when.lo)
                lookups += [f"{key}@{b - 1}", f"{key}@{b}", f"{key}@{self._bucket(when.hi or when.lo) + 1}"]
            for k in lookups:
                for sid in self._postings.get(k, ()):
                    votes[self.resolve(sid) if self._alias else sid] += weight
        return [self.stories[sid] for sid, _ in votes.most_common(self.params.candidates)]

    def _score(self, vector: dict[str, float], when: When, people: list[str], place: str | None,
               kind: str | None, story: Story, persons: dict[str, float] | None = None,
               main: list[str] | None = None, anchors: list[str] | None = None,
               names: frozenset[str] = frozenset(), counterparts: list[str] | None = None,
               lead_names: frozenset[str] | None = None) -> dict[str, float] | None:
        """The parts of the article-to-story score, or None when the dates, the counterparts or the
        meeting places rule the story out, or when a short text shares too few words with it."""
        p = self.params
        date = self._date_part(when, story)
        if date is None:
            return None
        dot = sum(w * story.centroid.get(t, 0.0) for t, w in vector.items())
        text = dot / math.sqrt(story.norm2) if story.norm2 > 0 else 0.0
        parts = {"text": text, "date": date}
        if len(vector) < p.short_text_terms:
            return parts if shared_words(vector, story.centroid) >= p.short_shared_words else None
        article = ArticleSide(place, kind, main or [], counterparts or [], persons or {}, names,
                              lead_names if p.place_named_in_lead else None)
        if ruled_out(p, article, story, self._same_country):
            return None
        if place and story.places:
            if place in story.places:
                parts["place"] = p.place_bonus
            elif not self._same_country(place, story.places):
                parts["place"] = -p.place_penalty
        if people and story.people:
            shared = sum(1 for x in people if x in story.people)
            parts["people"] = p.people_bonus * min(1.0, shared / 2) if shared else -p.people_penalty
        if persons and story.persons and p.persons_weight:
            dot = sum(w * story.persons.get(k, 0.0) for k, w in persons.items())
            norm = math.sqrt(sum(w * w for w in story.persons.values())) or 1.0
            parts["persons"] = p.persons_weight * (dot / norm - p.persons_center)
        if main and story.mains and p.main_penalty:
            n_main = sum(story.mains.values())
            dominant = {k for k, c in story.mains.items() if c >= p.main_share * n_main}
            if not dominant & set(main) and not any(story.mains.get(k, 0) for k in main):
                parts["main"] = -p.main_penalty
            elif dominant & set(main):
                parts["main"] = p.main_bonus
        against = -sum(min(0.0, parts.get(k, 0.0)) for k in _ENTITY_PARTS)
        if against > p.entity_penalty_cap:  # who and where, measured three ways: one penalty, not three
            for k in _ENTITY_PARTS:
                if parts.get(k, 0.0) < 0:
                    parts[k] *= p.entity_penalty_cap / against
        if anchors and story.anchors and p.anchor_bonus and date >= 0 and when.day_level and story.days:
            n = sum(1 for a in story.article_ids if not self.members[a].copy_of)
            if any(story.anchors.get(t, 0) >= p.anchor_share * n for t in anchors):
                parts["anchor"] = p.anchor_bonus
        if kind and story.kinds:
            if kind == top_kind(story):
                parts["kind"] = p.kind_bonus
            elif not any(compatible_kinds(kind, k) for k in story.kinds):
                parts["kind"] = -p.kind_penalty
        return parts

    def _date_part(self, when: When, story: Story) -> float | None:
        """Same day: a bonus; a few days apart: nothing (reports come late); beyond that a penalty
        growing with the log of the gap; a year apart (or more): never the same story."""
        p = self.params
        if when.day_level and story.days:
            i = bisect.bisect_left(story.days, when.lo)
            near = [story.days[j] for j in (i - 1, i) if 0 <= j < len(story.days)]
            nearest = min(near, key=lambda d: abs(d - when.lo))  # type: ignore[operator]
            gap = abs(nearest - when.lo)  # type: ignore[operator]
            if gap > p.hard_gap_days:
                return None
            if gap > p.one_day_gap_days and when.source == "text" and story.day_sources.get(nearest) == "text" \
                    and top_kind(story) in ONE_DAY_KINDS:
                return None  # a meeting is one day: a report of something weeks later is another event
            if gap == 0 and when.source == "text" and story.day_sources.get(nearest) == "text":
                return p.same_day_bonus
            return -self._gap_penalty(gap)
        if when.month_day is not None and (story.month_days or (story.days and not when.day_level)):
            # a date without a year on either side: only the calendar can tell ("Dec. 14" is not 18 September)
            theirs = list(story.month_days) + [(d.month, d.day) for d in map(dt.date.fromordinal, story.days)]
            gap = min(calendar_gap(when.month_day, md) for md in theirs)
            return -min(p.calendar_penalty_cap, self._gap_penalty(gap))
        if when.lo is not None and (story.spans or story.days):
            intervals = story.spans + [(d, d) for d in story.days[:1] + story.days[-1:]]
            gap = min(max(0, lo - when.hi, when.lo - hi) for lo, hi in intervals)  # type: ignore[operator]
            return -self._gap_penalty(gap) if gap > 0 else 0.0
        if (when.one_day or p.one_day_story_weekdays and top_kind(story) in ONE_DAY_KINDS) \
                and when.weekday is not None and story.weekdays \
                and when.weekday not in story.weekdays:
            return None  # a meeting on a Thursday is not the story's Wednesday meeting, nor what it reports
        if when.weekday is not None and story.weekdays and when.lo is None:
            return 0.0 if when.weekday in story.weekdays else -p.weekday_penalty
        return 0.0

    def _gap_penalty(self, gap: int) -> float:
        p = self.params
        if gap <= p.near_days:
            return 0.0
        return min(p.max_gap_penalty, p.gap_penalty * math.log2(gap / p.near_days))

    def _same_country(self, place: str, others: Iterable[str]) -> bool:
        if self.place_country is None:
            return False
        mine = self.place_country(place)
        return mine is not None and any(self.place_country(o) == mine for o in others)

    # -- merging --------------------------------------------------------------------------------

    def _centroid_query(self, story: Story) -> dict[str, float]:
        """The story's centroid as an article vector (its top terms, unit length): what a story
        looks up its candidates with."""
        norm = math.sqrt(story.norm2) or 1.0
        top = sorted(story.centroid.items(), key=lambda kv: -kv[1])[: self.params.top_terms]
        return {t: w / norm for t, w in top}

    def _merge_nearest(self, story: Story) -> Story:
        """Merge ``story`` with its most similar story (centroid cosine plus the date part) when that
        reaches ``merge_threshold``; returns the story that lives on."""
        vector = self._centroid_query(story)
        when = When()
        if story.days:
            mid = story.days[len(story.days) // 2]
            when = When(mid, mid, True, story.day_sources.get(mid))  # a day read in the text earns the bonus
        best: tuple[float, Story] | None = None
        for other in self._candidates(vector, when, list(story.people), None):
            if other.id == story.id or len(other.article_ids) < 2 or other.norm2 <= 0:
                continue
            if not self._mostly_short(other):
                continue  # stories of long reports are folded only by a report that fits both (_bridge)
            if self.params.counterpart_rule and other_counterparts(story, other):
                continue  # the meeting with one person is not the meeting with another
            date = self._date_part(when, other)
            if date is None:
                continue
            sim = sum(w * other.centroid.get(t, 0.0) for t, w in vector.items()) / math.sqrt(other.norm2) + date
            if best is None or sim > best[0]:
                best = (sim, other)
        if best is None or best[0] < self.params.merge_threshold:
            return story
        return self._merge(story, best[1], FRAGMENTS_MET)

    def _bridge(self, story: Story, scored: list[tuple[float, Story]], threshold: float, short: bool) -> Story:
        """Fold into ``story``, which an article just joined, the small stories the article matched
        almost as well (``scored``: its candidates' totals; ``threshold``: its join threshold;
        ``short``: whether it is a short text); returns the story that lives on.

        Single-pass filing leaves fragments: a report that falls just short of the threshold
        before its story has grown starts a story of its own, and later reports, which would have
        joined either, all go to the larger one. An article that fits both shows they are one
        story. Only small stories of texts like the article's are folded (``bridge_max``,
        ``bridge_short_max``): two grown stories an article fits equally are more likely two
        events it mentions together."""
        p = self.params
        ratio, most = (p.bridge_short_ratio, p.bridge_short_max) if short else (p.bridge_ratio, p.bridge_max)
        if not ratio:
            return story
        for total, other in sorted(scored, key=lambda x: -x[0]):
            if other.id == story.id or other.id not in self.stories or total < ratio * threshold:
                continue
            if self._mostly_short(other) != short:
                continue
            if (len(other.article_ids) if short else other.long) > most:
                continue
            if p.counterpart_rule and other_counterparts(story, other):
                continue  # the fight against one boxer is not the fight against another
            if p.subject_rule and other_subjects(story, other):
                continue  # nor one player's injury another's
            if p.one_day_place_rule and other_meeting_places(story, other, self._same_country):
                continue  # nor the meeting in Brussels the summit in Bratislava
            story = self._merge(story, other, BRIDGED)
        return story

    def _mostly_short(self, story: Story) -> bool:
        """A story of headlines, which fragments most: merged with its nearest story (a story of
        long articles is folded only by :meth:`_bridge`)."""
        filed = sum(1 for a in story.article_ids if not self.members[a].copy_of)
        return 2 * story.short >= filed

    def _merge(self, a: Story, b: Story, why: str) -> Story:
        """Fold the smaller story into the larger (the older on a tie); returns the larger. ``why``:
        the reason :meth:`take_log` gives."""
        big, small = (a, b) if (len(a.article_ids), -self._number(a.id)) >= (len(b.article_ids), -self._number(b.id)) \
            else (b, a)
        for aid in small.article_ids:
            self.members[aid].story_id = big.id
        big.article_ids.extend(small.article_ids)
        for t, w in small.centroid.items():
            big.centroid[t] = big.centroid.get(t, 0.0) + w
        big.norm2 = sum(w * w for w in big.centroid.values())
        self._trim(big)
        for day in small.days:
            if day not in big.day_sources:
                bisect.insort(big.days, day)
                big.day_sources[day] = small.day_sources[day]
        big.spans.extend(small.spans[: max(0, 16 - len(big.spans))])
        for counter in ("weekdays", "month_days", "places", "people", "mains", "anchors", "kinds", "counterparts",
                        "meeting_places", "named_places", "subjects"):
            getattr(big, counter).update(getattr(small, counter))
        for k, w in small.persons.items():
            big.persons[k] = big.persons.get(k, 0.0) + w
        big.touched = max(big.touched, small.touched)
        big.short += small.short
        del self.stories[small.id]
        self._alias[small.id] = big.id
        self._merges.append((small.id, big.id))
        self._log.append(StoryChange("merge", big.id, small.id, why, len(small.article_ids)))
        return big

    # -- splitting ------------------------------------------------------------------------------

    def _split_if_two(self, story: Story) -> None:
        """Split ``story`` when its members turn out to report two events (:func:`split.find_split`):
        the group holding its first member keeps the id, the other becomes a new story, and both
        are rebuilt from their members in filing order (as :meth:`from_rows` would)."""
        members = [self.members[a] for a in story.article_ids if not self.members[a].copy_of]
        found = find_split(members, self.params)
        if found is None:
            return
        leave = set(found.leave)
        other = self._new_story()
        self._log.append(StoryChange("split", story.id, other.id, split_reason(found.about, found.ratio),
                                     len(found.leave), found.about, found.ratio))
        kept = Story(story.id)
        self.stories[story.id] = kept
        for m in sorted((self.members[a] for a in story.article_ids), key=lambda m: m.seq):
            goes = m.article_id in leave or (m.copy_of is not None and m.copy_of in leave)
            target = other if goes else kept
            if goes:
                self._moves.append((m.article_id, story.id))
            m.story_id = target.id
            if m.copy_of:
                target.article_ids.append(m.article_id)
            else:
                self._apply(m, target)

    def _number(self, story_id: str) -> int:
        digits = story_id[len(self.prefix):]
        return int(digits) if digits.isdigit() else 0

    # -- updating -----------------------------------------------------------------------------

    def _new_story(self) -> Story:
        sid = f"{self.prefix}{self._next_id}"
        self._next_id += 1
        story = Story(sid)
        self.stories[sid] = story
        return story

    def _apply(self, member: Member, story: Story, when: When | None = None) -> None:
        p = self.params
        when = when or event_when(Event(member.article_id, date=member.date, date_source=member.date_source))
        self.members[member.article_id] = member
        story.article_ids.append(member.article_id)
        story.touched = member.seq
        c = story.centroid
        dot = sum(w * c.get(t, 0.0) for t, w in member.vector.items())
        story.norm2 += 2 * dot + sum(w * w for w in member.vector.values())
        for t, w in member.vector.items():
            c[t] = c.get(t, 0.0) + w
        self._trim(story)
        if when.day_level and when.lo is not None:
            if when.lo not in story.day_sources:
                bisect.insort(story.days, when.lo)
                story.day_sources[when.lo] = when.source or "text"
            elif when.source == "text":
                story.day_sources[when.lo] = "text"
        elif when.lo is not None and len(story.spans) < 16:
            story.spans.append((when.lo, when.hi if when.hi is not None else when.lo))
        if when.weekday is not None:
            story.weekdays[when.weekday] += 1
        if when.month_day is not None and not when.day_level:
            story.month_days[when.month_day] += 1
        if member.place:
            story.places[member.place] += 1
        story.people.update(member.people)
        story.mains.update(member.main)
        story.anchors.update(member.anchors)
        for k, w in member.persons.items():
            story.persons[k] = story.persons.get(k, 0.0) + w
        if member.kind:
            story.kinds[member.kind] += 1
        if len(member.vector) < p.short_text_terms:
            story.short += 1
        else:
            story.long += 1
        story.counterparts.update(member.counterparts)
        if member.main and len(member.vector) >= p.short_text_terms:
            story.subjects[member.main[0]] += 1
        if member.place and member.kind in SEATED_KINDS:
            story.meeting_places[member.place] += 1
        story.named_places.update(member.named_places)
        for key in self._keys(member.vector, member.people, member.place):
            self._post(key, story.id)
            if when.lo is not None:
                self._post(f"{key}@{self._bucket(when.lo)}", story.id)

    def _trim(self, story: Story) -> None:
        """Keep the centroid small: past 1.5 times ``centroid_terms``, drop its lightest terms."""
        if len(story.centroid) > self.params.centroid_terms * 1.5:
            keep = dict(sorted(story.centroid.items(), key=lambda kv: -kv[1])[: self.params.centroid_terms])
            story.centroid = keep
            story.norm2 = sum(w * w for w in keep.values())

    def _post(self, key: str, sid: str) -> None:
        posting = self._postings.setdefault(key, {})
        posting.pop(sid, None)
        posting[sid] = None  # most recently active last
        if len(posting) > self.params.posting_cap:
            del posting[next(iter(posting))]

    # -- rows -----------------------------------------------------------------------------------

    def to_rows(self) -> dict[str, Any]:
        """Plain rows: ``members`` (one per article, in filing order), ``terms`` (document
        frequencies and priors), ``meta`` (counters and parameters)."""
        return {
            "meta": {"docs": self.dfs.docs, "seq": self._seq, "next_id": self._next_id, "prefix": self.prefix,
                     "params": asdict(self.params)},
            "terms": [{"term": t, "df": self.dfs.df.get(t, 0), "prior": self.dfs.prior.get(t, 0.0)}
                      for t in sorted(set(self.dfs.df) | set(self.dfs.prior))],
            "members": [asdict(m) for m in sorted(self.members.values(), key=lambda m: m.seq)],
        }

    @classmethod
    def from_rows(cls, rows: dict[str, Any], *, place_country: Callable[[str], str | None] | None = None) -> StoryIndex:
        """Rebuild an index from :meth:`to_rows` output: stories are replayed, never re-clustered."""
        meta = rows["meta"]
        index = cls(StoryParams(**meta["params"]), place_country=place_country, prefix=meta["prefix"])
        index.dfs.docs = meta["docs"]
        for r in rows["terms"]:
            if r["df"]:
                index.dfs.df[r["term"]] = r["df"]
            if r["prior"]:
                index.dfs.prior[r["term"]] = r["prior"]
        for r in rows["members"]:
            member = Member(**r)
            story = index.stories.get(member.story_id) or index.stories.setdefault(member.story_id, Story(member.story_id))
            if member.copy_of:
                index.members[member.article_id] = member
                story.article_ids.append(member.article_id)
            else:
                index._apply(member, story)
        index._seq, index._next_id = meta["seq"], meta["next_id"]
        return index
