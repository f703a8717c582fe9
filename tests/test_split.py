"""A story that turns out to hold two events splits in two (``storyline.stories.split``).

The reports are written here (``stories_helpers``): two castings for one role a season apart, the
first casting told from another angle (the actress's home town), and two earthquakes in one
country, each in its own province.
"""

from __future__ import annotations

import pytest
from stories_helpers import casting_reports, quake_reports
from test_stories import file_all

from storyline.stories import extract_event
from storyline.stories.cluster import StoryIndex
from storyline.stories.index_types import Member, StoryParams, text_features
from storyline.stories.split import apart_in_time, find_split, is_checkpoint, parted_by_weekday


@pytest.mark.parametrize(("size", "checked"), [
    (7, False), (8, True), (9, True), (15, True), (16, True), (17, False), (18, True), (19, False), (27, True),
    (28, False), (30, True), (101, False), (102, True),
])
def test_a_story_is_checked_at_fixed_sizes(size: int, checked: bool) -> None:
    assert is_checkpoint(size, 8) is checked


def _members(*groups: list) -> list[Member]:
    index = StoryIndex(StoryParams(split_rule=False))
    for group in groups:
        file_all(index, *group)
    return sorted(index.members.values(), key=lambda m: m.seq)


def test_two_castings_in_one_story_are_found_apart() -> None:
    members = _members(casting_reports("first", 6), casting_reports("second", 6))
    found = find_split(members, StoryParams())
    assert found is not None
    assert sorted(found.stay) == [f"first{i}" for i in range(6)]  # the first member's group keeps the id
    assert sorted(found.leave) == [f"second{i}" for i in range(6)]
    assert found.about == "person:brandt" and found.ratio < 0.6  # the later group is about Brandt, never named


@pytest.mark.parametrize(("params", "why"), [
    (StoryParams(split_ratio=0.7), "the same person: the words part, but both groups are about Lindqvist"),
    (StoryParams(split_ratio=0.7, split_places=False), "the same, without the place test"),
])
def test_one_casting_told_from_two_angles_is_not_split(params: StoryParams, why: str) -> None:
    members = _members(casting_reports("first", 6), casting_reports("home", 6))
    assert find_split(members, params) is None, why
    # with the same lenient ratio, two castings still part: the guard is the person, not the words
    assert find_split(_members(casting_reports("first", 6), casting_reports("second", 6)), params) is not None


def test_two_quakes_in_one_story_part_by_their_places() -> None:
    members = _members(quake_reports("north", 6), quake_reports("east", 6))
    found = find_split(members, StoryParams())
    assert found is not None and found.about.startswith("place:")
    assert sorted(found.leave) == [f"east{i}" for i in range(6)]
    assert find_split(members, StoryParams(split_places=False)) is None  # no person to be about: the places part them


def test_a_split_needs_groups_of_three() -> None:
    members = _members(casting_reports("first", 6), casting_reports("second", 2))
    assert find_split(members, StoryParams()) is None


def test_words_that_part_less_than_the_ratio_do_not_split() -> None:
    members = _members(casting_reports("first", 6), casting_reports("second", 6))
    assert find_split(members, StoryParams(split_ratio=0.3)) is None  # they part at about 0.36


def test_filing_splits_the_story_once_it_has_grown() -> None:
    reports = casting_reports("first", 6) + casting_reports("second", 6)
    assert len(set(file_all(StoryIndex(StoryParams(split_rule=False)), *reports))) == 1  # the words alone: one
    index = StoryIndex()
    file_all(index, *reports)
    stories = index.clusters()
    assert {stories[f"first{i}"] for i in range(6)} == {"s1"}
    assert len({stories[f"second{i}"] for i in range(6)}) == 1 and stories["second0"] != "s1"
    moved = [a for a, _ in index.take_moves()]  # the reports filed before the check; later ones join the new story
    assert len(moved) >= 3 and moved == [f"second{i}" for i in range(len(moved))]
    (change,) = index.take_log()  # the store's history of the split, with its reason
    assert (change.change, change.story_id, change.other_id, change.articles) == \
        ("split", "s1", stories["second0"], len(moved))
    assert change.reason.startswith("two events: one group is about ") and index.take_log() == []
    # both stories are rebuilt from their members: a later report of either event finds its own
    later = casting_reports("second", 7, seed=1)[-1]
    assert index.add("later", extract_event(later), text_features(later)).story_id == stories["second0"]


def test_one_casting_from_two_angles_stays_one_story() -> None:
    assert len(set(file_all(StoryIndex(), *casting_reports("first", 6), *casting_reports("home", 6)))) == 1


def test_a_split_index_resumes_from_its_rows_as_it_was() -> None:
    reports = casting_reports("first", 6) + casting_reports("second", 6)
    whole = StoryIndex()
    file_all(whole, *reports)
    half = StoryIndex()
    file_all(half, *reports[:9])
    resumed = StoryIndex.from_rows(half.to_rows())
    file_all(resumed, *reports[9:])
    assert resumed.clusters() == whole.clusters()


def _reports(prefix: str, own: list[str], dates: list[str | None]) -> list[Member]:
    """Reports sharing a few words of a type of event (a browser patch) and each group's own words."""
    shared = ["patch", "browser", "flaw", "security", "update"]
    return [Member(f"{prefix}{i}", "s1", i, vector={**{w: 0.4 for w in shared}, **{w: 1.0 for w in own[i % 2:]}},
                   date=date) for i, date in enumerate(dates)]


_SPRING = ["kestrel", "plugin", "renderer", "spoofing", "tablet", "march", "researcher", "lab", "wormhole"]
_AUTUMN = ["sandbox", "scripting", "memory", "corruption", "kiosk", "banks", "phishing", "portal", "retailer"]


@pytest.mark.parametrize(("group_days", "other_days", "expected", "why"), [
    (["2024-03-05", "2024-03-06", "2024-03-07", None], [None, None, None], "date:2024-03-06",
     "a burst of dated reports against reports that give no day"),
    (["2024-03-05", "2024-03-06", "2024-03-07", None], [None, "XXXX-WXX-3", None], "date:2024-03-06",
     "a weekday alone decides nothing"),
    (["2024-03-05", "2024-03-06", "2024-03-07"], ["XXXX-11-02", None, None], "date:2024-03-06",
     "a day without its year, months from the burst"),
    (["2024-03-05", "2024-03-06", "2024-03-07"], ["2023-09-20", None, "2023-09-21"], "date:2024-03-06",
     "the other reports' own days, half a year before"),
    (["2024-03-05", "2024-03-06", "2024-03-07"], [None, "2024-03-15", None], None,
     "one of the others gives a day a week after the burst: maybe one event told late"),
    (["2024-03-05", "2024-03-06", "2024-03-07"], ["XXXX-03-10", None, None], None,
     "a day without its year that falls within the burst's weeks"),
    (["2024-03-05", "2024-03-06", "2024-03-07"], ["XXXX-02-29", None, None], None,
     "29 February, in the burst's leap year, is within its weeks"),
    (["2023-03-05", "2023-03-06", "2023-03-07"], ["XXXX-02-29", None, None], "date:2023-03-06",
     "29 February falls in no year of the burst's span"),
    (["2024-03-05", None, None, None], [None, None, None], None, "one dated report is no burst"),
    (["2024-01-02", "2024-02-15", "2024-04-01"], [None, None, None], None, "days months apart are no burst"),
])
def test_a_group_dated_in_a_burst_is_apart_from_one_that_gives_no_day_near_it(
        group_days: list, other_days: list, expected: str | None, why: str) -> None:
    group, other = _reports("a", _SPRING, group_days), _reports("b", _AUTUMN, other_days)
    assert apart_in_time(group, other, StoryParams()) == expected, why


def test_two_groups_of_words_without_people_or_places_part_by_their_days() -> None:
    dated = _reports("spring", _SPRING, ["2024-03-05", "2024-03-06", "2024-03-06", "2024-03-07"])
    undated = _reports("autumn", _AUTUMN, [None, "XXXX-WXX-2", None, None])
    found = find_split(undated + dated, StoryParams())
    assert found is not None and found.about == "date:2024-03-06"
    assert sorted(found.stay) == [f"autumn{i}" for i in range(4)] and sorted(found.leave) == [f"spring{i}" for i in range(4)]
    # the same words, no day on either side: nothing says they are two events
    assert find_split(_reports("autumn", _AUTUMN, [None] * 4) + _reports("spring", _SPRING, [None] * 4),
                      StoryParams()) is None


def _alike(prefix: str, own: list[str], dates: list[str | None]) -> list[Member]:
    """Reports of one type of event whose words part their groups only a little (shared words weigh most)."""
    shared = ["patch", "browser", "flaw", "security", "update"]
    return [Member(f"{prefix}{i}", "s1", i, vector={**{w: 1.0 for w in shared}, **{w: 0.5 for w in own[i % 2:]}},
                   date=date) for i, date in enumerate(dates)]


_THURSDAYS = ["XXXX-WXX-4", "XXXX-WXX-4", "XXXX-WXX-4", None]  # undated reports: "on Thursday"
_MONDAY_TUESDAY = ["2024-03-04", "2024-03-05", "2024-03-05", None]  # a Monday and a Tuesday, with the year


def test_undated_reports_of_one_weekday_part_from_a_burst_of_other_days() -> None:
    members = _alike("thu", _SPRING, _THURSDAYS) + _alike("tue", _AUTUMN, _MONDAY_TUESDAY)
    assert find_split(members, StoryParams(split_weekdays=False)) is None  # the words alone are too alike
    found = find_split(members, StoryParams())
    assert found is not None and found.about == "weekday:4:2024-03-05" and 0.6 < found.ratio <= 0.9
    assert sorted(found.stay) == [f"thu{i}" for i in range(4)] and sorted(found.leave) == [f"tue{i}" for i in range(4)]


@pytest.mark.parametrize(("thursday", "dated", "params", "why"), [
    (["XXXX-WXX-3", "XXXX-WXX-3", "XXXX-WXX-3", None], _MONDAY_TUESDAY, StoryParams(),
     "a Wednesday is a day off the Tuesday: maybe one event, told the day after"),
    (["XXXX-WXX-4", "XXXX-WXX-4", None, None], _MONDAY_TUESDAY, StoryParams(), "two reports of a weekday are no group"),
    (_THURSDAYS, ["2024-03-04", None, None, None], StoryParams(), "one dated report is no burst"),
    (_THURSDAYS, ["2024-03-04", "2024-03-05", "2024-03-07", None], StoryParams(),
     "the burst holds a Thursday: the weekday may be its day"),
    (_THURSDAYS, _MONDAY_TUESDAY, StoryParams(split_weekday_ratio=0.7), "words closer than the ratio allows"),
])
def test_a_weekday_parts_nothing_unless_every_day_of_the_burst_is_off_it(
        thursday: list, dated: list, params: StoryParams, why: str) -> None:
    members = _alike("thu", _SPRING, thursday) + _alike("tue", _AUTUMN, dated)
    assert parted_by_weekday(members, params) is None, why


def test_a_dated_report_off_the_weekday_goes_with_the_burst_whatever_its_words() -> None:
    # a report of the Tuesday event written like the Thursday reports, dated the week after
    late = Member("late", "s1", 9, vector=_alike("x", _SPRING, [None])[0].vector, date="2024-03-12")
    members = _alike("thu", _SPRING, _THURSDAYS) + _alike("tue", _AUTUMN, _MONDAY_TUESDAY) + [late]
    found = find_split(members, StoryParams())
    assert found is not None and "late" in found.leave
    # without its date it would have gone with the words it shares
    undated = Member("late", "s1", 9, vector=late.vector)
    found = find_split(members[:-1] + [undated], StoryParams())
    assert found is not None and "late" in found.stay


@pytest.mark.parametrize(("about", "words"), [
    ("person:vera-lindqvist", "one group is about Vera Lindqvist"),
    ("place:cardiff", "one group is in Cardiff"),
    ("date:2024-03-06", "one group reports the days around 2024-03-06"),
    ("weekday:4:2024-03-05", "one group gives a Thursday, the other reports the days around 2024-03-05"),
])
def test_a_split_says_why_in_words(about: str, words: str) -> None:
    from storyline.stories.index_types import split_reason

    expected = f"two events: {words} (words across the groups 0.41 of within)"
    assert split_reason(about, 0.41) == expected


@pytest.mark.parametrize(("about", "words"), [
    ("person:jim-obrien", "one group is about Jim O'Brien"),
    ("place:sao paulo", "one group is in São Paulo"),
    ("person:vera-lindqvist", "one group is about Vera Lindqvist"),  # a key the articles do not write: from the key
])
def test_a_split_names_its_person_or_place_as_the_articles_write_it(about: str, words: str) -> None:
    from storyline.stories.index_types import StoryChange, split_reason

    written = {"person:jim-obrien": "Jim O'Brien", "place:sao paulo": "São Paulo"}
    change = StoryChange("split", "s1", "s2", split_reason(about, 0.41), 4, about, 0.41)
    assert change.named(written).reason == f"two events: {words} (words across the groups 0.41 of within)"
    merge = StoryChange("merge", "s1", "s2", "a report fitted both", 1)
    assert merge.named(written) == merge  # a merge's reason names no one


def test_the_names_a_split_is_told_in_are_those_most_reports_write() -> None:
    from storyline.stories.events import Event, Participant
    from storyline.stories.timeline import ArticleRecord, written_names

    def record(aid: str, name: str, place: str | None) -> ArticleRecord:
        event = Event(aid, place=place, participants=[Participant("person:obrien", name, "PERSON")])
        return ArticleRecord(aid, "s1", event)

    records = [record("a", "Jim O'Brien", "São Paulo"), record("b", "O'Brien", "São Paulo"),
               record("c", "Jim O'Brien", None)]
    names = written_names(records, [("place:manokwari", "Manokwari"), ("place:manokwari", "MANOKWARI"),
                                    ("place:manokwari", "Manokwari")])
    assert names == {"person:obrien": "Jim O'Brien", "place:sao paulo": "São Paulo", "place:manokwari": "Manokwari"}
