"""The stories stage on hand-written articles: events, duplicates, incremental stories."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stories_helpers import article, reports

from storyline.stories import (ArticleFeatures, Deduplicator, StoryIndex, StoryParams, StoryPipeline, extract_event,
                               text_features)
from storyline.clean.credits import dateline_end
from storyline.records import Quote
from storyline.stories.index_types import BRIDGED, REHOMED
from storyline.stories.events import quoted_spans, seat_of
from storyline.stories.timeline import ArticleRecord, story_rows
from storyline.stories.evaluate import date_f1, score_clusters

PEOPLE = ("Jens Stoltenberg", "Stoltenberg", "Andrzej Duda", "Duda")


def file_all(index: StoryIndex, *articles: ArticleFeatures) -> list[str]:
    """File the articles in order; the story id each went to."""
    return [index.add(f.id, extract_event(f), text_features(f)).story_id for f in articles]


def meeting_2021(aid: str = "m1", outlet: str = "A") -> object:
    return article(
        aid, "Stoltenberg condemns Lukashenko regime after meeting Duda",
        "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Thursday in Brussels. "
        "Stoltenberg said the exploitation of migrants at the border of Belarus was inhumane and cynical. "
        "Duda proposed raising the readiness of allied forces on the eastern flank. "
        "The two leaders held a press conference after the meeting at the alliance headquarters.",
        published="2021-11-25", outlet=outlet, people=PEOPLE + ("Lukashenko",), places=("Brussels", "Belarus"))


def meeting_2023(aid: str = "m2") -> object:
    return article(
        aid, "Stoltenberg urges Belarus to end complicity after meeting Duda",
        "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Wednesday in Brussels. "
        "Stoltenberg urged Belarus to stop its complicity in the war and said allies stand united. "
        "Duda said Poland wants more allied equipment stored on the eastern flank. "
        "The two leaders held a joint press conference at the alliance headquarters.",
        published="2023-02-22", outlet="B", people=PEOPLE, places=("Brussels", "Belarus"))


def test_event_fields_come_from_the_lead() -> None:
    f = meeting_2023()
    e = extract_event(f)
    assert e.date == "2023-02-22" and e.date_source == "text"  # "on Wednesday", resolved
    assert e.place == "Brussels"
    assert e.kind in ("meeting", "press conference")
    keys = [p.key for p in e.participants]
    assert keys[:2] == ["person:stoltenberg", "person:duda"]
    assert e.participants[0].name == "Jens Stoltenberg"
    assert "Wednesday" in {ev.text for ev in e.evidence if ev.field == "date"}
    assert e.summary.startswith("Stoltenberg urged Belarus")  # the lead sentence closest to the title


def test_event_date_is_the_event_not_the_publication() -> None:
    f = article("x", "Earthquake kills dozens in Chile",
                "A strong earthquake struck central Chile on Monday, killing at least 40 people. "
                "Rescue teams searched the rubble in Santiago on Tuesday.",
                published="2023-03-08", places=("Chile", "Santiago"))
    e = extract_event(f)
    assert e.date == "2023-03-06"
    assert e.kind == "disaster"
    assert e.place == "Chile"


def test_no_place_from_a_mere_mention_or_a_future_plan() -> None:
    f = article("x", "Stoltenberg calls on Belarus to end complicity",
                "Stoltenberg urged Belarus to stop its complicity in Russia's war. "
                "He will attend a summit to be held next week in Lithuania.",
                published="2023-02-22", people=("Stoltenberg",), places=("Belarus", "Russia", "Lithuania"))
    assert extract_event(f).place is None


@pytest.mark.parametrize(("lead", "place"), [
    ("The mayor asked the ports to cut fees at the Lindvik summit in July. She spoke in Varna on Tuesday.", "Varna"),
    ("The mayor praised the Lindvik summit last week. She spoke in Varna on Tuesday.", "Varna"),
    # a gathering in the place, with no month or week to name it by: where it happened
    ("Mayors met at the summit in Lindvik on Tuesday.", "Lindvik"),
])
def test_a_gathering_named_by_its_place_and_month_is_not_where_this_happened(lead: str, place: str) -> None:
    f = article("x", "Port fees", lead, published="2025-05-20", places=("Lindvik", "Varna"))
    assert extract_event(f).place == place


@pytest.mark.parametrize("tail", ['Vestra will pay for the Varna clean-up of the ferry, " the chief executive said.',
                                  "Vestra will pay for the Varna clean-up of the ferry,” the chief executive said."])
def test_the_summary_is_never_the_tail_of_a_quotation(tail: str) -> None:
    # a scraper lost the opening mark: only the closing one says that the words were quoted
    f = article("x", "Ferry operator Vestra to pay for the Varna clean-up",
                "The operator said on Monday it would cover the costs of the spill in the port. "
                "We know the spill was our fault and we are sorry for it. " + tail +  # the opening mark lost
                " Divers sealed the last tank of the ferry.", published="2025-05-20", places=("Varna",))
    assert extract_event(f).summary.startswith("The operator said")


@pytest.mark.parametrize(("sentence", "dateline"), [
    ("TALLINN, May 3, 2025 (ERR) - The ferry ran aground off Lepik island on Saturday.",
     "TALLINN, May 3, 2025 (ERR) - "),
    ("VARNA, Bulgaria (Wire) -- The ferry ran aground off Lepik island on Saturday.", "VARNA, Bulgaria (Wire) -- "),
    ("(Wire) -- The ferry ran aground off Lepik island on Saturday.", "(Wire) -- "),
    ("Varna, Bulgaria (Wire) -- The ferry ran aground off Lepik island.", "Varna, Bulgaria (Wire) -- "),  # mixed case
    ("NEW VARNA — The ferry ran aground off Lepik island on Saturday.", "NEW VARNA — "),
    # must not change: no dateline
    ("The ferry ran aground off Lepik island on Saturday.", ""),
    ("Vestra, the ferry operator, said the ship ran aground off Lepik island.", ""),
    ("The minister - who leads the talks - said the ship ran aground off Lepik island.", ""),
    ("Lepik (Liberal) - who leads the talks - said the ship ran aground off Lepik island.", ""),
    ("TALLINN - Aground.", ""),  # too little left to summarise
])
def test_a_summary_leaves_out_the_dateline(sentence: str, dateline: str) -> None:
    assert sentence[:dateline_end(sentence)] == dateline


def test_a_story_without_headlines_is_titled_by_its_summary_without_the_dateline() -> None:
    f = article("x", "", "TALLINN, May 3, 2025 (ERR) - The Vestra ferry ran aground off Lepik island on Saturday "
                "with 300 passengers on board. Divers checked its hull on Sunday.", published="2025-05-04",
                places=("Tallinn",))
    e = extract_event(f)
    assert e.summary.startswith("The Vestra ferry ran aground")
    evidence = next(ev for ev in e.evidence if ev.field == "summary")
    assert f.text[evidence.start:evidence.end].startswith("The Vestra ferry")
    record = ArticleRecord("x", "s1", e, None, None, "2025-05-04")
    titled = ArticleRecord("y", "s1", e, "Ferry aground off Lepik", None, "2025-05-04")
    assert story_rows([record])[0]["title"].startswith("The Vestra ferry ran aground")
    assert story_rows([record, titled])[0]["title"] == "Ferry aground off Lepik"  # a headline first


def test_participants_take_a_canonical_callable() -> None:
    ids = {"Jens Stoltenberg": "Q1", "Stoltenberg": "Q1", "Andrzej Duda": "Q2", "Duda": "Q2"}
    e = extract_event(meeting_2023(), canonical=lambda m: ids.get(m.text))
    assert [p.key for p in e.participants][:2] == ["Q1", "Q2"]


def test_duplicates_are_folded_with_their_outlets() -> None:
    d = Deduplicator()
    body = meeting_2021().text
    assert not d.add("a", body, outlet="PAP").is_copy
    wire = d.add("b", "Share on Facebook\n" + body + "\nRead more: TVN24", outlet="TVN24")
    assert wire.is_copy and wire.original_id == "a"
    assert d.add("c", body.upper(), outlet="Reuters").exact
    assert not d.add("d", meeting_2023().text).is_copy
    assert d.outlets("a") == ["PAP", "TVN24", "Reuters"]
    again = Deduplicator.from_rows(d.to_rows())
    assert again.add("e", body + " Copyright.").original_id == "a"


def test_same_people_same_city_fifteen_months_apart_are_two_stories() -> None:
    index = StoryIndex()
    a, b = meeting_2021(), meeting_2023()
    first = index.add(a.id, extract_event(a), text_features(a))
    second = index.add(b.id, extract_event(b), text_features(b))
    assert first.new and second.new and first.story_id != second.story_id


def test_same_event_different_outlets_and_wording_is_one_story() -> None:
    other = article(
        "m1b", "Lukashenko regime's actions inhumane, NATO chief says after talks with Polish president",
        "Jens Stoltenberg condemned the Lukashenko regime on Thursday after talks in Brussels with Andrzej Duda. "
        "Pushing migrants to the Belarus border is cynical and inhumane, the NATO chief told reporters. "
        "Duda said he had proposed higher readiness for the eastern flank.",
        published="2021-11-26", outlet="C", people=PEOPLE + ("Lukashenko",), places=("Brussels", "Belarus"))
    unrelated = article("q", "Earthquake kills dozens in Chile",
                        "A strong earthquake struck central Chile on Monday, killing at least 40 people.",
                        published="2021-11-25", places=("Chile",))
    pipe = StoryPipeline()
    s1, _ = pipe.add(meeting_2021())
    s2, _ = pipe.add(unrelated)
    s3, _ = pipe.add(other)
    assert s1 == s3 != s2


def test_adding_never_moves_earlier_articles() -> None:
    pipe = StoryPipeline()
    articles = [meeting_2021("a1"), meeting_2023("a2"), meeting_2021("a3", outlet="Z")]
    before: dict[str, str] = {}
    for f in articles:
        pipe.add(f)
        now = pipe.index.clusters()
        assert all(now[k] == v for k, v in before.items())
        before = now
    assert before["a3"] == before["a1"]  # an exact copy: folded, same story


def test_index_round_trips_through_rows() -> None:
    pipe = StoryPipeline()
    for f in (meeting_2021(), meeting_2023()):
        pipe.add(f)
    rows = pipe.index.to_rows()
    again = StoryIndex.from_rows(rows)
    assert again.clusters() == pipe.index.clusters()
    late = meeting_2023("m3")
    assert again.add(late.id, extract_event(late), text_features(late)).story_id == again.story_of("m2")


def test_scores_match_the_shared_scorer_definitions() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    s = score_clusters(gold, {"a": "x", "b": "x", "c": "x", "d": "y"})
    assert (round(s.bcubed_p, 6), round(s.bcubed_r, 6)) == (round(2 / 3, 6), 0.75)
    assert score_clusters(gold, gold).bcubed_f1 == 1.0 and score_clusters(gold, gold).ari == 1.0
    assert score_clusters(gold, {}).missing == 4
    assert date_f1(["2011-01-25", "2011-01-26"], ["2011-01-25", "2011-01-28"]).f1 == 0.5


def _headline(aid: str, title: str) -> object:
    return article(aid, title, title + ".")


def test_short_texts_are_matched_on_words_and_date_only() -> None:
    index = StoryIndex()
    a = article("h1", "Titanfall servers crash on launch day", "Titanfall servers crash on launch day.",
                people=("Vince Zampella",), places=("Texas",))
    b = article("h2", "Titanfall servers crash again", "Titanfall servers crash again in Austin.", places=("Austin",))
    index.add(a.id, extract_event(a), text_features(a))
    story = index.stories[index.story_of("h1")]
    vector = index.members["h1"].vector
    parts = index._score(vector, _when_of(b), ["person:someone-else"], "austin", "attack", story)
    assert parts is not None and set(parts) == {"text", "date"}  # no place, people or kind part for six words


@pytest.mark.parametrize("vector, other, expected", [
    ({"voice": 0.5, "audition": 0.5}, {"voice": 1.0, "elephant": 1.0}, 1),
    ({"e:rihanna": 0.5, "rihanna": 0.5}, {"e:rihanna": 1.0, "rihanna": 1.0}, 1),  # a name and its word: one word
    ({"e:edward snowden": 0.5}, {"e:edward snowden": 1.0}, 2),                    # a name of two words
    ({"crane": 0.5, "collapse": 0.5}, {"crane": 1.0, "collapse": 0.5}, 2),
    ({"crane": 0.5}, {"dock": 1.0}, 0),
])
def test_shared_words(vector: dict[str, float], other: dict[str, float], expected: int) -> None:
    from storyline.stories.terms import shared_words

    assert shared_words(vector, other) == expected


def test_a_headline_sharing_one_word_with_a_story_does_not_join_it() -> None:
    index = StoryIndex(StoryParams(threshold=0.01))  # any overlap at all would pass the threshold
    first = _headline("h1", "Elephants tell friend from foe by voice")
    index.add(first.id, extract_event(first), text_features(first))
    for aid, title, same in (("h2", "Talent show The Voice opens its blind auditions", False),
                             ("h3", "Elephants know a foe by the sound of a voice", True)):
        f = _headline(aid, title)
        index.add(f.id, extract_event(f), text_features(f))
        assert (index.story_of(aid) == index.story_of("h1")) is same, title


def _when_of(f: object) -> object:
    from storyline.stories.index_types import event_when

    return event_when(extract_event(f))


def test_fragments_of_a_headline_story_merge_when_they_meet() -> None:
    # a join threshold only identical headlines pass (it is scaled down for short texts):
    # each wording starts its own fragment
    index = StoryIndex(StoryParams(threshold=2.1, merge_threshold=0.25))  # about 0.8 for eight words
    pairs = [("a", "Apple releases iOS 7.1 update with CarPlay support"),
             ("b", "iOS 7.1 update from Apple brings CarPlay and Siri fixes"),
             ("c", "Chiquita agrees to buy Fyffes to create top banana supplier")]
    for key, title in pairs:
        for n in (1, 2):  # the second copy makes a fragment of two: then it looks for its nearest story
            f = _headline(f"{key}{n}", title)
            index.add(f.id, extract_event(f), text_features(f))
    clusters = index.clusters()
    assert clusters["a1"] == clusters["a2"] == clusters["b1"] == clusters["b2"] != clusters["c1"] == clusters["c2"]
    assert index.take_merges() == [("s2", "s1")] and index.take_merges() == []
    assert index.resolve("s2") == "s1" and "s2" not in index.stories
    again = StoryIndex.from_rows(index.to_rows())
    assert again.clusters() == clusters and len(again) == 2


def test_long_articles_never_trigger_a_merge() -> None:
    index = StoryIndex(StoryParams(threshold=0.95, merge_threshold=0.0))
    for f in (meeting_2021("x1"), meeting_2021("x2"), meeting_2023("y1"), meeting_2023("y2")):
        index.add(f.id, extract_event(f), text_features(f))
    assert index.take_merges() == [] and len(index) == 2


#: A capsized trawler told from two angles that share few words, and a report that tells both.
_RESCUE = ("Divers pulled two fishermen alive from the capsized trawler Northern Star off Hartlepool.",
           "The coastguard said the trawler overturned in a squall before dawn.",
           "A lifeboat crew from Redcar reached the hull within forty minutes.")
_INQUIRY = ("The owners of the Northern Star said the trawler had passed its safety inspection in March.",
            "Marine investigators will examine whether the nets snagged on a wreck.",
            "The fishermen's union called for stability tests on every trawler of its class.")


def _trawler(aid: str, which: str) -> ArticleFeatures:
    title = {"rescue": "Two fishermen rescued from capsized trawler",
             "inquiry": "Questions over trawler safety after capsize",
             "both": "Trawler capsizes off Hartlepool: two rescued, inquiry opened"}[which]
    body = {"rescue": _RESCUE, "inquiry": _INQUIRY, "both": _RESCUE + _INQUIRY}[which]
    return article(aid, title, " ".join(body), places=("Hartlepool", "Redcar"))


# texts this short count as long ones here (short_terms, short_text_terms), so that the rules for
# long reports apply; the rescue and the inquiry share too few words to join at 0.3
_TRAWLER_PARAMS = {"threshold": 0.3, "short_terms": 1, "short_text_terms": 1, "bridge_ratio": 1.2}


@pytest.mark.parametrize("bridge_ratio, stories", [(0.0, 2), (1.2, 1)])
def test_a_report_that_fits_two_small_stories_of_one_event_folds_them_together(bridge_ratio: float,
                                                                                stories: int) -> None:
    index = StoryIndex(StoryParams(**{**_TRAWLER_PARAMS, "bridge_ratio": bridge_ratio}))
    for f in (_trawler("a", "rescue"), _trawler("b", "inquiry"), _trawler("c", "both")):
        index.add(f.id, extract_event(f), text_features(f))
    assert len(index) == stories
    assert index.story_of("c") == index.story_of("a")
    if stories == 1:
        assert index.take_merges() == [("s2", "s1")]
        assert [(c.change, c.reason) for c in index.take_log()] == [("merge", BRIDGED)]
        assert StoryIndex.from_rows(index.to_rows()).clusters() == index.clusters()


@pytest.mark.parametrize(("rehome_ratio", "stories"), [(0.0, 2), (1.25, 1)])
def test_a_lone_report_filed_before_its_story_grew_is_folded_in_at_a_checkpoint(rehome_ratio: float,
                                                                               stories: int) -> None:
    # the inquiry alone does not fit the rescue alone; once a report telling both has joined the
    # rescue, the grown story fits the inquiry well (no bridge: the test is of the re-scoring)
    params = StoryParams(**{**_TRAWLER_PARAMS, "bridge_ratio": 0.0, "split_first": 2, "rehome_ratio": rehome_ratio})
    index = StoryIndex(params)
    for f in (_trawler("a", "rescue"), _trawler("b", "inquiry"), _trawler("c", "both")):
        index.add(f.id, extract_event(f), text_features(f))
    assert len(index) == stories and index.story_of("c") == index.story_of("a")
    if stories == 1:
        assert index.take_merges() == [("s2", "s1")]
        assert [(c.change, c.reason) for c in index.take_log()] == [("merge", REHOMED)]
        assert StoryIndex.from_rows(index.to_rows()).clusters() == index.clusters()


def test_only_lone_reports_are_folded_in_at_a_checkpoint() -> None:
    params = StoryParams(**{**_TRAWLER_PARAMS, "bridge_ratio": 0.0, "split_first": 2, "rehome_ratio": 1.25})
    index = StoryIndex(params)
    for f in (_trawler("a", "rescue"), _trawler("b0", "inquiry"), _trawler("b1", "inquiry"), _trawler("c", "both")):
        index.add(f.id, extract_event(f), text_features(f))
    assert index.story_of("b0") == index.story_of("b1") != index.story_of("a")  # a story of its own: not folded


def test_a_grown_story_is_not_folded_by_a_report_that_fits_it_too() -> None:
    index = StoryIndex(StoryParams(**_TRAWLER_PARAMS, bridge_max=2))
    reports = [_trawler("a", "rescue")] + [_trawler(f"b{i}", "inquiry") for i in range(3)] + [_trawler("c", "both")]
    for f in reports:
        index.add(f.id, extract_event(f), text_features(f))
    assert index.story_of("b0") == index.story_of("b2") != index.story_of("a")
    assert index.take_merges() == []


@pytest.mark.parametrize(("said_when", "merged"), [
    ("", False),  # the fragment's date is its publication date: no same-day bonus
    (" on Monday", True),  # both read the day in their text: the bonus counts
])
def test_fragments_merge_with_a_same_day_bonus_only_for_days_read_in_the_text(said_when: str, merged: bool) -> None:
    # the fragments' words alone fall just short of this merge threshold; the bonus lifts them over it
    index = StoryIndex(StoryParams(threshold=2.1, merge_threshold=0.32))
    for key, title in (("x", "Mt. Gox files for bankruptcy protection on Monday"),
                       ("y", "Mt. Gox chief apologises to bitcoin customers" + said_when)):
        for n in (1, 2):
            f = article(f"{key}{n}", title, title + ".", published="2014-03-10")
            index.add(f.id, extract_event(f), text_features(f))
    clusters = index.clusters()
    assert (clusters["x1"] == clusters["y1"]) is merged


@pytest.mark.parametrize("ratio, folded", [(0.0, False), (1.1, True)])
def test_a_headline_that_fits_two_small_headline_stories_folds_them_together(ratio: float, folded: bool) -> None:
    # a threshold the second wording misses (about 0.35 for these lengths), and no merge of nearest
    # stories: only the bridge can fold the first wording's story into the second's
    index = StoryIndex(StoryParams(threshold=1.0, merge_threshold=2.0, bridge_short_ratio=ratio))
    for aid, title in (("a", "Chiquita agrees to buy Fyffes in banana merger"),
                       ("b", "Fyffes deal creates world's largest banana supplier"),
                       ("c", "Chiquita and Fyffes merge to create largest banana supplier"),
                       ("d", "Apple releases iOS update with CarPlay support")):
        f = _headline(aid, title)
        index.add(f.id, extract_event(f), text_features(f))
    assert index.story_of("c") == index.story_of("b") != index.story_of("d")
    assert (index.story_of("a") == index.story_of("b")) is folded
    assert index.take_merges() == ([("s1", "s2")] if folded else [])


def test_an_enumeration_of_places_is_not_where_it_happened() -> None:
    f = article("x", "Allies agree new battlegroups at the summit",
                "The summit in Brussels agreed four new battlegroups in Bulgaria, Hungary, Romania and Slovakia.",
                published="2022-03-24", places=("Brussels", "Bulgaria", "Hungary", "Romania", "Slovakia"))
    assert extract_event(f).place == "Brussels"
    g = article("y", "Allies agree new battlegroups", "Allies agreed four new battlegroups in Bulgaria and Romania.",
                published="2022-03-24", places=("Bulgaria", "Romania"))
    assert extract_event(g).place is None


def test_an_organisation_headquarters_is_a_venue_not_a_place() -> None:
    f = article("x", "Defence ministers meet", "Stoltenberg spoke before the meeting at NATO headquarters on Tuesday.",
                published="2022-10-12", people=("Stoltenberg",), orgs=("NATO",))
    e = extract_event(f)
    assert e.place == "Brussels" and e.venue == "NATO headquarters"  # where NATO sits, not a place called NATO
    g = article("y", "Defence ministers meet", "Stoltenberg spoke at NATO headquarters in Brussels on Tuesday.",
                published="2022-10-12", people=("Stoltenberg",), orgs=("NATO",), places=("Brussels",))
    assert extract_event(g).place == "Brussels"


def test_a_background_situation_is_not_where_it_happened() -> None:
    f = article("x", "Leaders agree more aid", "Leaders agreed more aid in view of the situation in Ukraine. They met in Warsaw.",
                published="2022-03-24", places=("Ukraine", "Warsaw"))
    assert extract_event(f).place == "Warsaw"
    g = article("y", "Minister goes on a trip", "The minister went on a trip to Kyiv on Monday. She will send troops to Latvia.",
                published="2022-03-24", places=("Kyiv", "Latvia"))
    assert extract_event(g).place == "Kyiv"


def test_undated_meetings_on_different_weekdays_are_two_stories() -> None:
    wednesday = article("w", "Stoltenberg meets Duda in Brussels",
                        "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Wednesday in "
                        "Brussels. The two leaders discussed the eastern flank and the support for Ukraine.",
                        people=PEOPLE, places=("Brussels",))
    thursday = article("t", "Stoltenberg meets Duda in Brussels",
                       "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Thursday in "
                       "Brussels. The two leaders discussed the eastern flank and the border with Belarus.",
                       people=PEOPLE, places=("Brussels", "Belarus"))
    late = article("w2", "Duda and Stoltenberg talk in Brussels",
                   "Andrzej Duda met Jens Stoltenberg in Brussels on Wednesday to discuss the eastern flank.",
                   people=PEOPLE, places=("Brussels",))
    index = StoryIndex()
    ids = file_all(index, wednesday, thursday, late)
    assert extract_event(wednesday).kind == "meeting"
    assert ids[0] != ids[1] and ids[2] == ids[0]  # another weekday: another meeting; the same weekday joins


def test_a_summit_on_another_weekday_can_be_the_same_summit() -> None:
    day1 = article("a", "Leaders open the summit in Vilnius",
                   "Allied leaders opened the summit in Vilnius on Tuesday with talks on the eastern flank.",
                   places=("Vilnius",))
    day2 = article("b", "Leaders close the summit in Vilnius",
                   "Allied leaders closed the summit in Vilnius on Wednesday with a declaration on the eastern flank.",
                   places=("Vilnius",))
    index = StoryIndex()
    first, second = (index.add(f.id, extract_event(f), text_features(f)) for f in (day1, day2))
    assert extract_event(day1).kind == "summit" and first.story_id == second.story_id


def test_the_lead_reaches_past_short_sentences_and_quote_tails() -> None:
    f = article("x", "Stoltenberg calls on Belarus",
                "Stoltenberg spoke on Wednesday. \u201cBelarus must stop.\u201d declared the former prime minister. "
                "Allies agree. Poland agrees. He made the appeal at a joint press conference with Andrzej Duda in "
                "Brussels.", people=PEOPLE, places=("Brussels", "Belarus"))
    e = extract_event(f)
    assert e.place == "Brussels" and e.kind == "press conference"


def test_a_working_dinner_is_a_meeting() -> None:
    f = article("x", "Stoltenberg in The Hague", "Stoltenberg spoke to the press after dining with seven leaders in "
                "The Hague on Tuesday.", published="2023-06-29", people=("Stoltenberg",), places=("The Hague",))
    e = extract_event(f)
    assert (e.kind, e.place, e.date) == ("meeting", "The Hague", "2023-06-27")


@pytest.mark.parametrize(("lead", "kind"), [
    ("A fire destroyed the old ferry terminal on Monday, the harbour board said.", "fire"),
    ("A fire at the ferry terminal on Monday forced hundreds to leave, the harbour board said.", "fire"),
    # criticism and gunfire are no fire
    ("The harbour master, under fire for weeks, resigned on Monday.", "resignation"),
    ("A man opened fire on a ferry on Monday, police said.", "shooting"),
    ("A deckhand was shot on the ferry on Monday, police said.", "shooting"),
    # a chance at a title is no gunfire
    ("The challenger earned a title shot on Monday, the board said.", "statement"),
    # a warrant is not an arrest
    ("The singer checked into a clinic on Monday, dodging an arrest warrant, her lawyer said.", "statement"),
    ("Police arrested the driver on Monday.", "arrest"),
    # keen is not dismissed
    ("The new director was fired up about the ferry timetable on Monday, the board said.", "statement"),
    ("The board fired the harbour master on Monday.", "resignation"),
])
def test_idioms_are_not_the_kind_their_words_name(lead: str, kind: str) -> None:
    f = article("k", "Harbour news", lead, published="2025-05-06", places=("Lindvik",))
    assert extract_event(f).kind == kind


@pytest.mark.parametrize(("lead", "kind"), [
    ("The mayors met in Lindvik on Monday to agree a ferry timetable.", "meeting"),
    ("Mayor Ilse Brandt met the harbour board on Monday.", "meeting"),
    ("The mayor met with the harbour board on Monday.", "meeting"),
    ("The mayor met the board on Monday to discuss targets for the port.", "meeting"),
    ("Mayor Ilse Brandt hosted her counterpart from Lindvik on Monday.", "meeting"),
    ("The town, hosting foreign troops since May, said on Monday it wants a new road.", "statement"),
    # a goal reached is not a meeting
    ("The port met its cargo target on Monday, the harbour board said.", "statement"),
    ("Only two ports met the emissions standards last year, the board said on Monday.", "statement"),
    ("Every port now meets the 2% limit, the board said on Monday.", "statement"),
])
def test_met_is_a_meeting_unless_a_goal_was_met(lead: str, kind: str) -> None:
    f = article("m", "Harbour news", lead, published="2025-05-06", people=("Ilse Brandt",), places=("Lindvik",))
    assert extract_event(f).kind == kind


def test_a_kind_cue_in_a_background_phrase_names_the_setting_not_the_event() -> None:
    f = article("x", "Stoltenberg: allies stay committed",
                "In the light of the recent missile attacks on Ukrainian cities, Stoltenberg spoke in advance of the "
                "meeting of defence ministers at NATO headquarters.", published="2022-10-12",
                people=("Stoltenberg",), orgs=("NATO",))
    assert extract_event(f).kind == "ministerial meeting"
    g = article("y", "Missile attack on Kyiv", "A missile attack hit Kyiv on Monday, killing three people.",
                published="2022-10-10", places=("Kyiv",))
    assert extract_event(g).kind == "attack"


@pytest.mark.parametrize(("lead", "kind"), [
    # what happened in an earlier year is the setting: the mayor's report is the event
    ("The mayor presented the port's annual report on Monday. Only two ports met the target in 2019, when the "
     "rules were agreed in Lindvik, she said.", "statement"),
    # the same words of this year are the event
    ("The mayors agreed on Monday in Lindvik on new rules for the port, the board said.", "agreement"),
    ("In 2025 the mayors agreed on Monday in Lindvik on new rules for the port.", "agreement"),
])
def test_a_kind_cue_after_an_earlier_year_is_background(lead: str, kind: str) -> None:
    f = article("b", "Harbour news", lead, published="2025-05-06", places=("Lindvik",))
    assert extract_event(f).kind == kind


_press_conference = reports(
    "Stoltenberg urges Belarus to stop helping Russia",
    "Stoltenberg urged Belarus to stop helping Russia fight against Ukraine and said the allies "
    "would keep sending weapons and ammunition to Ukraine. He said Russia was launching new offensives against "
    "Ukrainian cities and that the alliance would strengthen its deterrence and defence on the eastern flank. "
    "Allies agreed to provide more support to Ukraine, including air defences, drones and anti-tank weapons.",
    people=PEOPLE + ("Volodymyr Zelensky",), places=("Brussels", "Belarus", "Ukraine", "Russia"), orgs=("NATO",))


def test_a_meeting_with_someone_takes_only_reports_that_name_them() -> None:
    bilateral = _press_conference("b", "NATO Secretary General Jens Stoltenberg held a joint press conference with "
                                       "Poland's head of state, Andrzej Duda, at NATO headquarters in Brussels.")
    summit = _press_conference("s", "NATO leaders met in Brussels for an extraordinary summit, addressed by "
                                    "Volodymyr Zelensky by video link, and Jens Stoltenberg spoke at its end.")
    retold = _press_conference("r", "Polish President Andrzej Duda and NATO Secretary General Jens Stoltenberg "
                                    "spoke to reporters in Brussels after their talks at NATO headquarters.")
    assert extract_event(bilateral).counterparts == ["person:duda"]
    assert extract_event(summit).counterparts == []
    index = StoryIndex()
    ids = file_all(index, bilateral, summit, retold)
    assert ids[1] != ids[0]  # the summit never names Duda: not the press conference with him
    assert ids[2] == ids[0]  # another report of the meeting names Duda: it joins
    # the words alone would put the summit with the press conference: the rule is what tells them apart
    plain = StoryIndex(StoryParams(counterpart_rule=False))
    assert len(set(file_all(plain, bilateral, summit))) == 1
    # the other way round: a report of a meeting with Duda does not join a story that never names him
    first = StoryIndex()
    order = file_all(first, summit, bilateral)
    assert order[0] != order[1]


def test_counterparts_come_from_meeting_cues_not_any_mention() -> None:
    f = article("x", "Stoltenberg in Warsaw", "Jens Stoltenberg hosted Andrzej Duda in Brussels on Monday. "
                "Lukashenko was criticised by both.", people=PEOPLE + ("Lukashenko",), places=("Brussels",))
    assert extract_event(f).counterparts == ["person:duda"]
    g = article("y", "Stoltenberg speaks", "Jens Stoltenberg said on Monday that Andrzej Duda was right and that "
                "talks would go on.", people=PEOPLE, places=())
    assert extract_event(g).counterparts == []


def test_an_undated_meeting_on_another_weekday_does_not_join_a_dated_meeting() -> None:
    dated = article("d", "Stoltenberg meets Duda in Brussels",
                    "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Tuesday in Brussels. "
                    "The two leaders discussed the eastern flank and the support for Ukraine.",
                    published="2023-06-28", people=PEOPLE, places=("Brussels",))
    undated = article("u", "Stoltenberg meets Duda in Brussels",
                      "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Thursday in "
                      "Brussels. The two leaders discussed the eastern flank and the support for Ukraine.",
                      people=PEOPLE, places=("Brussels",))
    same_day = article("s", "Duda and Stoltenberg meet in Brussels",
                       "Andrzej Duda met Jens Stoltenberg on Tuesday in Brussels to discuss the eastern flank.",
                       people=PEOPLE, places=("Brussels",))
    assert extract_event(dated).date == "2023-06-27"
    index = StoryIndex()
    ids = file_all(index, dated, undated, same_day)
    assert ids[1] != ids[0] and ids[2] == ids[0]


BOXERS = ("Pavel Drago", "Drago", "Tom Reyes", "Reyes", "Sam Ortega", "Ortega")


_fight = reports(
    "Drago keeps his heavyweight titles",
    "Drago dominated the fight from the opening bell with his jab and a heavy right hand, and the "
    "referee waved it off after a flurry of punches against the ropes. The champion kept his world heavyweight "
    "belts in front of a sold-out arena and said he wanted to fight again before the end of the year. "
    "His trainer praised the discipline of the champion and the crowd cheered the long reign of Drago.",
    people=BOXERS, places=("Germany",))


def test_a_contest_counterpart_is_the_opponent() -> None:
    f = _fight("r1", "Pavel Drago stopped Tom Reyes in round seven on Saturday night in Germany.")
    assert extract_event(f).counterparts == ["person:reyes"]


def test_contest_counterparts_skip_bylines_and_the_main_person() -> None:
    byline = article("b", "Saints lose their running back", "Reggie Bush will miss the rest of the season. "
                     "Beat writer Larry Holder reported the injury on Monday.", people=("Reggie Bush", "Larry Holder"))
    stopped = article("s", "Jackson arrested", "Vincent Jackson was arrested on Tuesday after an officer stopped "
                      "Vincent Jackson for speeding.", people=("Vincent Jackson",))
    assert extract_event(byline).counterparts == [] and extract_event(stopped).counterparts == []


def test_fragments_of_two_contests_do_not_merge() -> None:
    first_fight = [_fight(f"r{i}", "Pavel Drago stopped Tom Reyes in round seven in Germany.") for i in range(2)]
    second_fight = [_fight(f"t{i}", "Pavel Drago stopped Sam Ortega in round six in Germany.") for i in range(2)]
    headline = article("h", "Drago keeps his heavyweight titles", "Drago keeps his belts in Germany",
                       people=BOXERS)
    ids = file_all(StoryIndex(), *first_fight, *second_fight, headline)
    assert len(set(ids)) == 2  # the headline joins one fight; the two fights stay apart


def test_a_party_label_of_a_person_is_not_a_participant() -> None:
    f = article("x", "Merkel warns on energy", "Prices will stay high this winter, warned the former Christian "
                "Democratic Chancellor, Angela Merkel, at a Bundestag hearing on Monday.",
                people=("Angela Merkel",), orgs=("Christian Democratic", "Bundestag"))
    assert [p.name for p in extract_event(f).participants] == ["Angela Merkel", "Bundestag"]


def test_the_wire_that_reported_it_is_not_a_participant() -> None:
    f = article("x", "Quake hits the coast", "A strong quake hit the coast on Monday, Agence - France Presse "
                "reported, and the Associated Press said Governor Lena Marsh and the EPA sent teams.",
                people=("Lena Marsh",), orgs=("Agence - France Presse", "Associated Press", "EPA"))
    assert [p.name for p in extract_event(f).participants] == ["Lena Marsh", "EPA"]


def test_a_treaty_the_model_tags_as_an_organisation_is_not_a_participant() -> None:
    f = article("x", "Ports sign the Baltic Ferry Treaty", "The Lindvik port authority and the Harbour Board "
                "signed the Baltic Ferry Treaty on Monday, which updates the Saltholm Convention.",
                orgs=("Lindvik port authority", "Harbour Board", "Baltic Ferry Treaty", "Saltholm Convention"))
    assert [p.name for p in extract_event(f).participants] == ["Lindvik port authority", "Harbour Board"]


@pytest.mark.parametrize(("said", "taking_part"), [
    ("A lorry hit the railing of the Vestra bridge on Monday night.", []),  # a name that names a place
    ("Mayor Vestra opened the new bridge on Monday.", ["Vestra"]),  # the same name as a person acting
    ("Ferries from the Vestra harbours were stopped on Monday.", []),
])
def test_a_name_that_names_a_place_is_not_a_participant(said: str, taking_part: list[str]) -> None:
    f = article("x", "Harbour news", said, people=("Vestra",))
    assert [p.name for p in extract_event(f).participants] == taking_part


def test_the_links_of_the_page_are_not_participants() -> None:
    f = article("x", "Harbour board fires director", "Privacy Policy | Terms of Service | PDF. The Harbour Board "
                "fired its director on Monday.", orgs=("Harbour Board", "Privacy Policy", "Terms of Service", "PDF"))
    assert [p.name for p in extract_event(f).participants] == ["Harbour Board"]


@pytest.mark.parametrize(("name", "label", "kept"), [
    ("Reply Mon, Mar 19, 2011 7:34", "ORG", False),
    ("Thu Mar", "PERSON", False),
    ("GMT NEW YORK", "ORG", False),
    ("Sun Microsystems", "ORG", True),  # a weekday's abbreviation opens a name too
    ("Five Pillars of", "ORG", False),  # a name cut off
    ("TO DO IT", "ORG", False),  # capitals that are no name
    ("Bank of England", "ORG", True),
    ("Harbour Board", "ORG", True),
])
def test_a_stamp_or_a_half_name_the_model_read_as_a_name_is_not_a_participant(name: str, label: str, kept: bool) -> None:
    named = {"people": (name,)} if label == "PERSON" else {"orgs": (name,)}
    f = article("x", "Harbour news", f"{name} said the ferries sail again on Monday.", **named)
    assert [p.name for p in extract_event(f).participants] == ([name] if kept else [])


_ministers = reports(
    "Stoltenberg: allies stay committed to Ukraine",
    "Stoltenberg said the allies would step up and sustain their support for Ukraine and that the "
    "alliance was not a party to the conflict. He said Russia was failing in Ukraine and that its nuclear "
    "rhetoric was reckless. Allies remain united in their support for the sovereignty and self-defence of "
    "Ukraine, he said, and the alliance will strengthen its deterrence and defence on the eastern flank.",
    people=("Jens Stoltenberg", "Stoltenberg"), places=("Brussels", "The Hague", "Ukraine", "Russia"),
    orgs=("NATO",))


def test_an_organisation_headquarters_gives_the_city() -> None:
    f = _ministers("a", "Jens Stoltenberg spoke before the meeting of defence ministers at NATO headquarters.")
    e = extract_event(f)
    assert (e.place, e.venue, e.kind) == ("Brussels", "NATO headquarters", "ministerial meeting")
    assert seat_of("the Alliance headquarters") == "Brussels" and seat_of("Acme headquarters") is None


_CONTEST = ("Pavel Drago stopped Tom Reyes in round seven on Saturday night in Germany.",
            "Pavel Drago stopped Sam Ortega in round six on Saturday night in Germany.",
            "Pavel Drago defeated Tom Reyes in round seven in Germany.")
_MEETINGS = ("Jens Stoltenberg spoke before the meeting of defence ministers at NATO headquarters.",
             "Jens Stoltenberg spoke after a working dinner with seven leaders in The Hague.",
             "Jens Stoltenberg spoke at a press conference before the meeting of defence ministers in Brussels.")


_GATHERINGS = ("Jens Stoltenberg spoke at the end of an extraordinary summit of alliance leaders at NATO headquarters.",
               "Jens Stoltenberg spoke before the meeting of defence ministers at NATO headquarters.",
               "Jens Stoltenberg spoke as leaders opened the extraordinary summit at NATO headquarters.")
_UNPLACED = ("Jens Stoltenberg spoke after a working dinner with seven leaders in The Hague.",
             "Jens Stoltenberg spoke at the end of an extraordinary summit of alliance leaders.",
             "Jens Stoltenberg spoke after the working dinner with seven leaders hosted in The Hague.")


#: The people and the team of the Hawks' reports.
_HAWKS = {"people": ("Dale Mercer", "Mercer", "Omar Lindqvist", "Lindqvist", "Rita Salas"), "orgs": ("Hawks",)}

_arrest = reports(
    "Hawks player arrested on suspicion of drunk driving",
    "The team said it was aware of the arrest and was gathering information. Coach Rita Salas said "
    "the club would handle the matter internally and that the player would practise this week. Police said "
    "the car was stopped on the freeway after it drifted across two lanes, and a breath test was refused.",
    **_HAWKS)


_ARRESTS = ("Hawks receiver Dale Mercer was arrested early Sunday on suspicion of drunk driving.",
            "Hawks defensive tackle Omar Lindqvist was arrested early Sunday on suspicion of drunk driving.",
            "Police arrested Dale Mercer, a Hawks receiver, early Sunday on suspicion of drunk driving.")


#: Two injuries of players of one team: every report names both (they shared the position), and
#: each is about one of them.
_injury = reports(
    "Hawks place running back on injured reserve",
    "Mercer and Lindqvist had shared the carries this season, and the team has no other running back under "
    "contract. Coach Rita Salas said the club would sign a replacement from the practice squad this week. "
    "The team doctor said surgery was scheduled for next month and that recovery takes about nine months.",
    **_HAWKS)

_INJURIES = ("Hawks running back Dale Mercer was placed on injured reserve on Tuesday with a torn ACL.",
             "Hawks running back Omar Lindqvist was placed on injured reserve on Tuesday with a torn ACL.",
             "The Hawks placed Dale Mercer on injured reserve on Tuesday after he tore his ACL.")


@pytest.mark.parametrize(("rule", "make", "leads"), [
    pytest.param("counterpart_rule", _fight, _CONTEST, id="a contest with another opponent"),
    pytest.param("one_day_place_rule", _ministers, _MEETINGS, id="a meeting in another city"),
    pytest.param("one_day_place_rule", _ministers, _UNPLACED, id="a summit that never names the dinner's city"),
    pytest.param("distinct_kinds_rule", _ministers, _GATHERINGS, id="a ministers' meeting is not a summit"),
    pytest.param("subject_rule", _arrest, _ARRESTS, id="an arrest of another player"),
    pytest.param("subject_rule", _injury, _INJURIES, id="an injury of another player, though each report names both"),
])
def test_what_the_words_join_a_rule_tells_apart(rule: str, make: Callable[[str, str], object],
                                               leads: tuple[str, str, str]) -> None:
    first, other, again = (make(f"a{i}", lead) for i, lead in enumerate(leads))
    ids = file_all(StoryIndex(), first, other, again)
    assert ids[1] != ids[0] and ids[2] == ids[0]  # another event apart; another report of the first joins
    assert len(set(file_all(StoryIndex(StoryParams(**{rule: False})), first, other))) == 1  # the words alone: one


def test_stories_about_different_people_of_a_personal_kind_are_never_merged() -> None:
    from collections import Counter

    from storyline.stories.index_types import Story
    from storyline.stories.rules import other_subjects

    def story(sid: str, subject: str, kind: str | None) -> Story:
        return Story(sid, subjects=Counter({subject: 3}), kinds=Counter({kind: 3} if kind else {}))

    mercer, lindqvist = story("s1", "person:dale-mercer", "injury"), story("s2", "person:omar-lindqvist", None)
    assert other_subjects(mercer, lindqvist) and other_subjects(lindqvist, mercer)
    assert not other_subjects(mercer, story("s3", "person:mercer", "injury"))  # the surname alone: the same man
    assert not other_subjects(mercer, story("s4", "person:dale-mercer-arrested", "arrest"))  # a name the model ran on
    assert not other_subjects(story("s5", "person:jens-stoltenberg", "meeting"),
                              story("s6", "person:andrzej-duda", "meeting"))  # a meeting has two sides


def test_stories_of_long_articles_are_not_merged_by_a_headline() -> None:
    def meeting(aid: str, day: str) -> object:
        return _ministers(aid, f"Jens Stoltenberg met Andrzej Duda on {day} in Brussels for talks.")

    long_ones = [meeting("w1", "Wednesday"), meeting("w2", "Wednesday"), meeting("t1", "Thursday"),
                 meeting("t2", "Thursday")]
    headline = article("h", "Stoltenberg and Duda meet on Wednesday", "Stoltenberg and Duda meet on Wednesday",
                       people=("Stoltenberg", "Duda"))
    index = StoryIndex()
    for f in long_ones + [headline]:
        index.add(f.id, extract_event(f), text_features(f))
    stories = index.clusters()
    assert stories["w1"] == stories["w2"] == stories["h"] and stories["t1"] == stories["t2"]
    assert stories["w1"] != stories["t1"]  # the headline joined one; the two meetings stay apart


def test_the_kind_of_a_gathering_counts_inside_quotation_marks() -> None:
    f = _ministers("q", "Stoltenberg said that \u201csupport for Ukraine is the main subject as defence ministers "
                        "meet in Brussels\u201d.")
    assert extract_event(f).kind == "ministerial meeting"
    g = _ministers("r", "Stoltenberg said that \u201cwe met the press and we will attack the problem\u201d.")
    assert extract_event(g).kind != "attack"  # other kinds' cues in a quotation are what was said, not the event


@pytest.mark.parametrize(("kind", "marks", "place"), [
    # the clause a partial quotation spans is the reporter's: the village in it is where it happened
    ("partial", "\u201c\u201d", "Lindvik"),
    ("partial", "\u2018\u2019", "Lindvik"),  # single quotation marks too
    # the same span read as a direct quotation is the speaker's words throughout: a place in it is
    # what was said, not where it happened
    ("direct", "\u201c\u201d", None),
])
def test_only_marked_words_of_a_quotation_are_the_speakers(kind: str, marks: str, place: str | None) -> None:
    lead = (f"A crane that toppled on Monday at a quay near Lindvik was {marks[0]}a warning to every port{marks[1]}, "
            "the harbour master Ilse Brandt said on Tuesday.")
    f = article("p", "Harbour master: the toppled crane is a warning", lead, people=("Ilse Brandt",),
                places=("Lindvik",))
    start, end = f.text.index("A crane"), f.text.index(", the harbour")
    f.quotes = [Quote("p", f.text[start:end], start, end, kind, pieces=[(start, end)])]
    marked = f.text.index(f"{marks[0]}a warning")
    assert quoted_spans(f) == ([(marked, end)] if kind == "partial" else [(start, end)])
    assert extract_event(f).place == place


def test_a_report_filed_from_elsewhere_that_names_the_city_can_join() -> None:
    brussels = _ministers("b", "Jens Stoltenberg spoke before the meeting of defence ministers at NATO headquarters.")
    filed = article("w", "Stoltenberg: allies stay committed to Ukraine",
                    "WARSAW, Oct. 12 - Jens Stoltenberg spoke before the meeting of defence ministers in Brussels. "
                    + brussels.text.split("\n", 1)[1].split(". ", 1)[1],
                    people=("Jens Stoltenberg", "Stoltenberg"), places=("WARSAW", "Brussels", "Ukraine", "Russia"),
                    orgs=("NATO",))
    assert extract_event(filed).place == "Warsaw"  # the dateline, in the case the body writes places
    index = StoryIndex()
    ids = file_all(index, brussels, filed)
    assert ids[0] == ids[1]  # it says Brussels: not a meeting in another city


def test_who_and_where_count_against_a_story_once() -> None:
    def deal(aid: str, lead: str, people: tuple[str, ...], places: tuple[str, ...]) -> object:
        return article(aid, "Chipmaker agrees to buy graphics rival", f"{lead} The chipmaker agreed to buy its "
                       "graphics rival for cash and shares, the largest deal in its history. The boards of both "
                       "companies approved the takeover, which regulators still have to clear. Analysts said the "
                       "deal would let the buyer sell complete platforms to computer makers.",
                       people=people, places=places)

    first = deal("a", "Chief executive Ann Ortiz announced the deal in Austin.", ("Ann Ortiz",), ("Austin",))
    other = deal("b", "Analyst Raj Mehta said in Toronto that the deal surprised investors.", ("Raj Mehta",),
                 ("Toronto",))

    def against(params: StoryParams) -> float:
        index = StoryIndex(params)
        index.add(first.id, extract_event(first), text_features(first))
        parts = index.add(other.id, extract_event(other), text_features(other)).parts
        assert parts, "the second report joins the first: the words are the same"
        return -sum(min(0.0, parts.get(k, 0.0)) for k in ("place", "people", "persons"))

    assert against(StoryParams(entity_penalty_cap=1.0)) > 0.10  # another place, other people: three penalties
    assert against(StoryParams()) == pytest.approx(0.10)  # ... which count as one


def test_a_name_the_model_ran_on_still_names_the_person() -> None:
    def by_full_name(m: object) -> str:  # as the entities stage keys people: the whole name
        return "person:" + "-".join(m.text.lower().split())

    first = _arrest("a", _ARRESTS[0])
    glued = article("g", "Hawks' Dale Mercer Arrested For DUI", _ARRESTS[2] + " " + first.text.split(". ", 1)[1],
                    people=("Dale Mercer Arrested", "Dale Mercer", "Rita Salas"), orgs=("Hawks",))
    assert extract_event(glued, canonical=by_full_name).main[0] == "person:dale-mercer-arrested"
    index = StoryIndex()
    ids = [index.add(f.id, extract_event(f, canonical=by_full_name), text_features(f, canonical=by_full_name)).story_id
           for f in (first, glued)]
    assert ids[0] == ids[1]  # "Dale Mercer Arrested" names Dale Mercer: the same arrest


def _talks(aid: str, where: str) -> ArticleFeatures:
    f = _ministers(aid, f"Jens Stoltenberg met Andrzej Duda for talks in {where} on Wednesday.")
    return article(aid, f.title, f.text.split("\n", 1)[1], people=PEOPLE, places=(where, "Ukraine", "Russia"))


def _file_talks(index: StoryIndex, first: str, second: str) -> object:
    file_all(index, _talks("a", first))
    return index.add("b", extract_event(_talks("b", second)), text_features(_talks("b", second)))


@pytest.mark.parametrize(("first", "second"), [
    ("Brussels", "Belgium"),  # a city and its country: the table
    ("Malibu", "Los Angeles"),  # two towns of one country: GeoNames' towns behind the table
])
def test_places_of_one_country_are_not_places_apart(first: str, second: str) -> None:
    joined = _file_talks(StoryIndex(), first, second)
    assert not joined.new and "place" not in joined.parts  # no penalty
    assert _file_talks(StoryIndex(place_country=lambda key: None), first, second).new  # without a country: apart
    elsewhere = _file_talks(StoryIndex(), first, "Vilnius")
    assert elsewhere.new or elsewhere.parts.get("place", 0.0) < 0


@pytest.mark.parametrize(("written", "shown"), [
    ("VILNIUS", "Vilnius"),
    ("THE HAGUE", "The Hague"),
    ("RIO DE JANEIRO", "Rio de Janeiro"),
    ("STRATFORD-UPON-AVON", "Stratford-upon-Avon"),
    # must change nothing
    ("Vilnius", "Vilnius"),
    ("UK", "UK"),
    ("UAE", "UAE"),
    ("New  York", "New York"),  # spaces aside
    ("McAllen", "McAllen"),
    ("U.S.", "U.S."),  # initials keep their capitals
    ("U.K.", "U.K."),
    ("WASHINGTON, D.C.", "Washington, D.C."),
])
def test_a_dateline_place_is_named_as_the_body_writes_it(written: str, shown: str) -> None:
    from storyline.stories.events import place_name

    assert place_name(written) == shown


def _brussels_meeting() -> object:
    return article("bm", "Stoltenberg meets Duda in Brussels",
                   "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Wednesday in Brussels. "
                   "The two leaders discussed the eastern flank, the air defence of Poland and the drills in Belarus.",
                   published="2023-05-17", people=PEOPLE, places=("Brussels", "Poland", "Belarus"), orgs=("NATO",))


def test_a_meeting_elsewhere_that_names_the_city_only_in_passing_is_another_story() -> None:
    summit = article("bs", "Eastern flank leaders meet Stoltenberg in Bratislava",
                     "The leaders of the eastern flank met NATO Secretary General Jens Stoltenberg and Polish "
                     "President Andrzej Duda at a summit in Bratislava, five weeks before the allies gather for "
                     "their yearly meeting of heads of state and government. They discussed the eastern flank, the "
                     "air defence of Poland and the drills in Belarus, which the leaders of the region have watched "
                     "with growing concern since the spring. The hosts asked for more allied soldiers on their "
                     "territory and for a clear plan to defend every part of it from the first hour of a crisis. "
                     "Several leaders said that the region now speaks with one voice on the defence of the alliance "
                     "and on the support it owes to its neighbours. Later that week, the Belgian prime minister "
                     "said in Brussels that his jets would stay in the Baltic.",
                     people=PEOPLE, places=("Bratislava", "Brussels", "Poland", "Belarus"), orgs=("NATO",))
    ids = file_all(StoryIndex(), _brussels_meeting(), summit)
    assert ids[0] != ids[1]  # Brussels, named only far down, is background: not where the summit was
    # the rule as it was (the city named anywhere) took the summit into the Brussels meeting's story
    assert len(set(file_all(StoryIndex(StoryParams(place_named_in_lead=False)), _brussels_meeting(), summit))) == 1


def test_a_one_day_meeting_takes_no_report_of_a_day_weeks_later() -> None:
    later = article("bl", "Stoltenberg and Duda discuss air defence in Brussels",
                    "NATO Secretary General Jens Stoltenberg and Polish President Andrzej Duda discussed the eastern "
                    "flank, the air defence of Poland and the drills in Belarus in Brussels on Thursday.",
                    published="2023-06-09", people=PEOPLE, places=("Brussels", "Poland", "Belarus"), orgs=("NATO",))
    assert extract_event(later).date == "2023-06-08"  # three weeks after the meeting
    ids = file_all(StoryIndex(), _brussels_meeting(), later)
    assert ids[0] != ids[1]
    loose = StoryParams(one_day_gap_days=10_000)  # a gap penalty alone lets the words win
    assert len(set(file_all(StoryIndex(loose), _brussels_meeting(), later))) == 1


def test_an_undated_meeting_takes_no_dated_report_of_another_weekday() -> None:
    undated = article("um", "Stoltenberg meets Duda in Brussels",
                      "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda on Friday in Brussels. "
                      "The two leaders discussed the eastern flank, the air defence of Poland and the drills in "
                      "Belarus.", people=PEOPLE, places=("Brussels", "Poland", "Belarus"), orgs=("NATO",))
    signed = article("sg", "Stoltenberg and Duda sign air defence deal in Brussels",
                     "NATO Secretary General Jens Stoltenberg and Polish President Andrzej Duda signed a deal on the "
                     "eastern flank, the air defence of Poland and the drills in Belarus in Brussels on Wednesday.",
                     published="2024-07-10", people=PEOPLE, places=("Brussels", "Poland", "Belarus"), orgs=("NATO",))
    assert extract_event(undated).date == "XXXX-WXX-5" and extract_event(signed).date == "2024-07-10"
    ids = file_all(StoryIndex(), undated, signed)
    assert ids[0] != ids[1]  # the story's meeting was on a Friday; the deal was signed on a Wednesday
    off = StoryParams(one_day_story_weekdays=False)
    assert len(set(file_all(StoryIndex(off), undated, signed))) == 1


@pytest.mark.parametrize(("mine", "theirs", "apart"), [
    ({"brussels": 2}, {"bratislava": 1}, True),  # the meeting in Brussels, the summit in Bratislava
    ({"brussels": 2}, {"brussels": 1, "bratislava": 1}, False),  # one of theirs was in Brussels
    ({"brussels": 1}, {"belgium": 1}, False),  # a city and its country are one place
    ({"brussels": 1}, {}, False),  # a story of no meeting: nothing to tell apart
])
def test_a_report_fitting_meetings_in_two_cities_does_not_fold_them(mine: dict, theirs: dict, apart: bool) -> None:
    from collections import Counter

    from storyline.entities.places import place_key_country
    from storyline.stories.index_types import Story
    from storyline.stories.rules import other_meeting_places

    def same_country(place: str, others: object) -> bool:
        country = place_key_country(place)
        return country is not None and any(place_key_country(o) == country for o in others)

    a, b = Story("s1", meeting_places=Counter(mine)), Story("s2", meeting_places=Counter(theirs))
    assert other_meeting_places(a, b, same_country) is apart
    assert other_meeting_places(b, a, same_country) is apart
