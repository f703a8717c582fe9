"""When a story turns out to be two events: find the split, from the story's own members.

Single-pass filing decides on one article at a time. The first report of a second event of the
same type (another actor cast in the same role, another coach fired by the same club) reads
like the story's reports and joins it; from then on the story holds both events, and every later
report of either fits it. One article cannot tell this, but a grown story can: its members fall
into two groups, each alike within and unlike the other, and each group is about someone else.

:func:`find_split` looks for that, purely, over the story's members (those of ``MIN_TERMS``
terms or more; a sample of ``SAMPLE`` spread over the filing order when there are more):

1. two-means over the members' term vectors (cosine), from deterministic starts (the least
   alike pair, and each member with the member least like it), keeping the best objective: from
   two starts alone it settled on a worse parting in each of the four ECB+ dev stories that held
   two events;
2. the groups must each hold at least ``split_min_group`` members, and the mean similarity across
   them must be at most ``split_ratio`` times the mean similarity within them: two reports of
   one event told from two angles are still closer than that;
3. the groups must be about different people, places or days. Either one group is about a person
   the other hardly names: the first person its members are about (:attr:`Member.main`) for at
   least ``split_main_share`` of them, named by nearly all of them and by at most
   ``split_named_share`` of the other group. Two angles of one event name the same people; two
   events of one type are about different ones (an actor cast in a role, and the actor cast
   in it a season later: the later reports name the earlier actor, the earlier never the later
   one). Or one group names a place of its own that the other hardly names (a quake in one
   province, a quake in another), and the other group has a place or a person of its own too:
   one group's place alone is not enough, as reports from the victim's home town are an angle
   of the same event.
   Or one group is dated: most of it reports days within a week of each other, and no report
   of the other group gives a day within two weeks of them (:func:`apart_in_time`). In a store
   with publication dates every member has a day, so this parts only events weeks apart; in a
   corpus without them, reports that give no day decide nothing.

When the words part too little for that (two reports of one type of event, a rule and its
repeal, read alike) the days can still part them: at least three undated reports give one
weekday, and every day of the story's burst of dated reports is two days or more off it
(:func:`parted_by_weekday`).

The index (:class:`~storyline.stories.cluster.StoryIndex`) asks when a story of mostly long
texts reaches one of a fixed list of sizes (:func:`is_checkpoint`, counting its long texts), so a
store filed in one batch or in many splits the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from storyline.stories.events import Event
from storyline.stories.rules import name_tokens

if TYPE_CHECKING:
    from storyline.stories.index_types import Member, StoryParams

#: Members compared when looking for a split: a sample spread over the story's filing order.
SAMPLE = 60
_ITERATIONS = 25
#: Days around a group's median day that count as one burst of reports of one event.
BURST_DAYS = 7
_WEEKS_AWAY = dt.timedelta(days=14)  #: another group's day this close to a burst may be the same event
#: Terms a member needs to take part in finding the split (a headline's few words are noise here).
MIN_TERMS = 10


@dataclass(frozen=True, slots=True)
class Split:
    """Two groups of a story's members (article ids) and why they are two events."""

    stay: list[str]  #: the group holding the story's first member: it keeps the story's id
    leave: list[str]  #: the group that becomes a story of its own
    ratio: float  #: mean similarity across the groups over the mean within them
    about: str  #: what one group is about and the other hardly names: ``person:…`` or ``place:…``


def is_checkpoint(size: int, first: int) -> bool:
    """Whether a story of ``size`` long members is checked: at ``first``, then at every size up to
    twice that, then each time it has grown by an eighth (8, 9, ..., 16, 18, 20, 22, 24, 27, ...)."""
    point = first
    while point < size:
        point += max(1, point // 8)
    return point == size


def find_split(members: Sequence[Member], params: StoryParams) -> Split | None:
    """Two events in one story, from its members in filing order (copies left out); None when it
    is one. Members of at least ``MIN_TERMS`` terms decide; every member then goes to the group
    whose centroid it is nearer, unless its day decides (:func:`parted_by_weekday`)."""
    decide = _spread([m for m in members if len(m.vector) >= MIN_TERMS], SAMPLE)
    if len(decide) < 2 * params.split_min_group:
        return None
    parting = _parted_by_words(decide, params)
    if parting is None and params.split_weekdays:
        parting = parted_by_weekday(members, params)
    if parting is None:
        return None
    centroids = (_centroid(parting.groups[0]), _centroid(parting.groups[1]))
    sides: tuple[list[str], list[str]] = ([], [])
    for m in members:
        side = parting.fixed.get(m.article_id)
        if side is None:
            side = 0 if _dot(m.vector, centroids[0]) >= _dot(m.vector, centroids[1]) else 1
        sides[side].append(m.article_id)
    if min(len(sides[0]), len(sides[1])) < params.split_min_group:
        return None
    stay, leave = sides if members[0].article_id in sides[0] else (sides[1], sides[0])
    return Split(stay, leave, parting.ratio, parting.about)


@dataclass(frozen=True, slots=True)
class _Parting:
    groups: tuple[list[Member], list[Member]]
    ratio: float
    about: str
    fixed: dict[str, int] = field(default_factory=dict)  #: members whose side (0, 1) their day decides


def _parted_by_words(members: list[Member], params: StoryParams) -> _Parting | None:
    """The two-means groups, when they are about different people or places, or apart in time."""
    parted = _two_groups(members, params)
    if parted is None:
        return None
    a, b, ratio = parted
    about = (_about_someone_else(a, b, params) or _about_someone_else(b, a, params)
             or apart_in_time(a, b, params) or apart_in_time(b, a, params))
    return _Parting((a, b), ratio, about) if about else None


def _two_groups(members: list[Member], params: StoryParams) -> tuple[list[Member], list[Member], float] | None:
    """The two-means groups of the members and their cross/within similarity ratio, when both are
    big enough and the ratio is at most ``split_ratio``."""
    matrix = _matrix(members)
    labels = _two_means(matrix)
    if labels is None:
        return None
    a = [i for i, g in enumerate(labels) if g == 0]
    b = [i for i, g in enumerate(labels) if g == 1]
    if min(len(a), len(b)) < params.split_min_group:
        return None
    ratio = _cross_within(matrix @ matrix.T, a, b)
    if ratio is None or ratio > params.split_ratio:
        return None
    return [members[i] for i in a], [members[i] for i in b], ratio


def _about_someone_else(group: list[Member], other: list[Member], params: StoryParams) -> str | None:
    """What ``group`` is about and the other group hardly names: the first person its members are
    about, or else a place, when the other group has a place of its own too."""
    mains = Counter(m.main[0] for m in group if m.main)
    if mains:
        person, count = mains.most_common(1)[0]
        if count >= max(params.split_min_group, params.split_main_share * len(group)):
            if _contrast(_naming(person), group, other, params):
                return person
    if params.split_places:
        here = _own_place(group, other, params)
        # one side's home town alone is an angle of one event: the other side needs a place or a
        # person of its own as well
        if here and (_own_place(other, group, params) or _own_person(other, group, params)):
            return "place:" + here
    return None


def apart_in_time(group: list[Member], other: list[Member], params: StoryParams) -> str | None:
    """The middle day of ``group``'s burst of reports, when no report of ``other`` gives a day near
    it: at least half of the group (and ``split_min_group``) gives a full date within
    ``BURST_DAYS`` of the group's median day, and no day of the other group, with or without its
    year, falls within ``_WEEKS_AWAY`` of that burst. Members without a day, or with only a
    weekday, decide nothing."""
    found = _burst([_event_date(m).day for m in group])
    if found is None:
        return None
    middle, burst = found
    if len(burst) < max(params.split_min_group, len(group) / 2):
        return None
    lo, hi = burst[0] - _WEEKS_AWAY, burst[-1] + _WEEKS_AWAY
    if any(_near(_event_date(m), lo, hi) for m in other):
        return None
    return f"date:{middle.isoformat()}"


def parted_by_weekday(members: Sequence[Member], params: StoryParams) -> _Parting | None:
    """Two events a story's words hardly part but its days do: a burst of dated reports, and at
    least ``split_min_group`` reports without a date that all give one weekday, two days or more
    off every day of the burst ("on Thursday", against reports of a Monday and a Tuesday).

    Reports of one event give its weekday, so the weekday's reports form one group and every
    report whose day falls two days or more off that weekday the other; the rest go by their
    words. The words across the two groups must still be at most ``split_weekday_ratio`` of the
    words within. Only a corpus without publication dates has such reports: with them, every
    report has a day."""
    events = [_event_date(m) for m in members]
    found = _burst([e.day for e in events])
    if found is None:
        return None
    middle, burst = found
    in_burst = set(burst)
    dated = [m for m, e in zip(members, events) if e.day in in_burst]
    if len(dated) < params.split_min_group:
        return None
    bare = Counter(e.weekday for e in events if e.day is None and e.weekday is not None)
    for weekday, count in sorted(bare.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < params.split_min_group or any(_weekdays_apart(weekday, d.isoweekday()) < 2 for d in burst):
            continue
        group = [m for m, e in zip(members, events) if e.day is None and e.weekday == weekday]
        matrix = _matrix([*group, *dated])
        ratio = _cross_within(matrix @ matrix.T, list(range(len(group))), list(range(len(group), len(matrix))))
        if ratio is None or ratio > params.split_weekday_ratio:
            continue
        fixed = {m.article_id: 0 for m in group}
        fixed.update((m.article_id, 1) for m, e in zip(members, events)
                     if e.day is not None and _weekdays_apart(e.day.isoweekday(), weekday) >= 2)
        return _Parting((group, dated), ratio, f"weekday:{weekday}:{middle.isoformat()}", fixed)
    return None


def _burst(days: Sequence[dt.date | None]) -> tuple[dt.date, list[dt.date]] | None:
    """The median of the days given and the days within ``BURST_DAYS`` of it (sorted, repeats
    kept); None when no day is given."""
    given = sorted(d for d in days if d is not None)
    if not given:
        return None
    middle = given[len(given) // 2]
    return middle, [d for d in given if abs((d - middle).days) <= BURST_DAYS]


def _weekdays_apart(a: int, b: int) -> int:
    """Days between two ISO weekdays, the short way round the week (Sunday and Monday: 1)."""
    d = abs(a - b) % 7
    return min(d, 7 - d)


def _cross_within(sims: np.ndarray, a: list[int], b: list[int]) -> float | None:
    """Mean similarity across groups ``a`` and ``b`` over the mean within them; None when nothing
    within is alike."""
    within = (_mean_off_diagonal(sims, a) + _mean_off_diagonal(sims, b)) / 2
    if within <= 0:
        return None
    return round(float(sims[np.ix_(a, b)].mean()) / within, 3)


def _event_date(member: Member) -> Event:
    return Event(member.article_id, date=member.date)


def _near(event: Event, lo: dt.date, hi: dt.date) -> bool:
    """Whether the event's day, or its day without a year in either year of the span, is in it."""
    if event.day is not None:
        return lo <= event.day <= hi
    if event.month_day is None:
        return False
    month, day = event.month_day
    for year in {lo.year, hi.year}:
        try:
            if lo <= dt.date(year, month, day) <= hi:
                return True
        except ValueError:  # 29 February in a common year
            continue
    return False


def _own_person(group: list[Member], other: list[Member], params: StoryParams) -> str | None:
    """A person at least half of ``group`` names and hardly any of ``other`` does."""
    people = Counter(k for m in group for k in m.persons)
    share = params.split_named_share
    for person, count in sorted(people.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < len(group) / 2:
            break
        if sum(map(_naming(person), other)) <= share * len(other):
            return person
    return None


def _own_place(group: list[Member], other: list[Member], params: StoryParams) -> str | None:
    """A place nearly all of ``group`` names and hardly any of ``other`` does."""
    places = Counter(p for m in group for p in m.named_places)
    for place, _ in sorted(places.items(), key=lambda kv: (-kv[1], kv[0])):
        if _contrast(lambda m: place in m.named_places, group, other, params):
            return place
    return None


def _contrast(names: Callable[[Member], bool], group: list[Member], other: list[Member], params: StoryParams) -> bool:
    """Whether nearly all of ``group`` names it and hardly any of ``other`` does."""
    share = params.split_named_share
    return sum(map(names, group)) >= (1 - share) * len(group) and sum(map(names, other)) <= share * len(other)


def _naming(person: str) -> Callable[[Member], bool]:
    """Whether a member names the person: by key, or by a word of the name (``rules.name_tokens``)."""
    words = set(name_tokens(person))

    def names(member: Member) -> bool:
        return person in member.persons or any(words & set(name_tokens(k)) for k in (*member.persons, *member.main))
    return names


def _spread(members: Sequence[Member], n: int) -> list[Member]:
    if len(members) <= n:
        return list(members)
    step = len(members) / n
    return [members[int(i * step)] for i in range(n)]


def _matrix(members: Sequence[Member]) -> np.ndarray:
    terms = {t: i for i, t in enumerate(sorted({t for m in members for t in m.vector}))}
    matrix = np.zeros((len(members), len(terms)))
    for row, m in enumerate(members):
        for t, w in m.vector.items():
            matrix[row, terms[t]] = w
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def _two_means(matrix: np.ndarray) -> list[int] | None:
    """Spherical two-means from deterministic starts; the labelling of the best objective."""
    sims = matrix @ matrix.T
    least = np.unravel_index(int(np.argmin(sims)), sims.shape)
    starts = {tuple(sorted((int(least[0]), int(least[1]))))}
    starts |= {tuple(sorted((i, int(np.argmin(sims[i]))))) for i in range(len(matrix))}
    best: tuple[float, list[int]] | None = None
    for i, j in sorted(starts):
        if i == j:
            continue
        centres = matrix[[i, j]].copy()
        labels = None
        for _ in range(_ITERATIONS):
            new = (matrix @ centres.T).argmax(axis=1)
            if labels is not None and np.array_equal(new, labels):
                break
            labels = new
            if labels.min() == labels.max():
                break
            centres = np.stack([matrix[labels == k].sum(axis=0) for k in (0, 1)])
            centres /= np.linalg.norm(centres, axis=1, keepdims=True)
        if labels is None or labels.min() == labels.max():
            continue
        objective = float((matrix @ centres.T).max(axis=1).sum())
        if best is None or objective > best[0]:
            best = (objective, [int(x) for x in labels])
    return best[1] if best else None


def _mean_off_diagonal(sims: np.ndarray, idx: list[int]) -> float:
    n = len(idx)
    if n < 2:
        return 0.0
    block = sims[np.ix_(idx, idx)]
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))


def _centroid(group: list[Member]) -> dict[str, float]:
    out: dict[str, float] = {}
    for m in group:
        for t, w in m.vector.items():
            out[t] = out.get(t, 0.0) + w
    norm = math.sqrt(sum(w * w for w in out.values())) or 1.0
    return {t: w / norm for t, w in out.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(w * b.get(t, 0.0) for t, w in a.items())
