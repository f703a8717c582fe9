"""Quotations across articles and timelines, over plain records."""

from __future__ import annotations

import pytest
from stories_helpers import article

from storyline.stories import ArticleRecord, Occurrence, QuoteAggregator, StoryPipeline, extract_event, timeline
from storyline.stories.events import Event, Participant
from storyline.stories.timeline import select_dates, story_events, story_rows


def test_translation_variants_are_one_statement_with_first_and_latest_report() -> None:
    agg = QuoteAggregator()
    g1 = agg.add(Occurrence("a:1-2", "a", "The border must stay open to trade and travel", "Jens Stoltenberg",
                            date="2023-02-22", outlet="Euractiv"))
    g2 = agg.add(Occurrence("b:1-2", "b", "The border has to stay open to trade and travel. For that reason we will "
                            "keep the crossings staffed day and night", "Stoltenberg", date="2023-02-23",
                            outlet="Infobae"))
    g3 = agg.add(Occurrence("c:1-2", "c", "The border must stay open to trade and travel", "Andrzej Duda",
                            date="2023-02-21", outlet="PAP"))
    g4 = agg.add(Occurrence("d:1-2", "d", "We will strengthen the Alliance in the East", "Jens Stoltenberg",
                            date="2022-03-24", outlet="RaiNews"))
    assert g1 == g2 != g4
    assert g3 != g1  # the same words from another speaker are another statement
    group = agg.groups[g1]
    assert (group.first.date, group.latest.date) == ("2023-02-22", "2023-02-23")
    assert group.outlets == ["Euractiv", "Infobae"] and group.speaker in ("Jens Stoltenberg", "Stoltenberg")
    assert [g.id for g in agg.repeated()] == [g1]


def test_short_common_quotes_are_not_grouped_on_one_word() -> None:
    agg = QuoteAggregator()
    assert agg.add(Occurrence("a", "a", "We will win")) != agg.add(Occurrence("b", "b", "We will not win"))


@pytest.mark.parametrize(("a", "b", "same"), [
    # translations and parts of one statement
    ("The ministry must keep in mind that it cannot stall", "The ministry must remember that it cannot stall", True),
    ("The port has to remain open to every ship that respects the rules",
     "The port must stay open to every ship that respects the rules, and we will see to it", True),
    ("She ’ s back at work today", "She's back at work today.", True),  # a clitic the scraper spaced out
    ("the case hadn ’ t been filed by Friday", "the case hadn't been filed by Friday", True),
    ("The ferry resumes service next Monday", "The ferry resumes service next Monday", True),
    # three common words in common are a coincidence
    ("Would we have done it without him?", "Builders could have done what they wanted, without asking anyone",
     False),
    ("She did not believe the forecast", "I believe the mayor did not win", False),
    ("Two bombs fell on an airstrip", "Two of the bombs fell within the camp, near the school", False),
    ("We will win", "We will not win", False),
])
def test_same_statement_table(a: str, b: str, same: bool) -> None:
    agg = QuoteAggregator()
    first, second = Occurrence("a", "a", a, "Mari Lepik"), Occurrence("b", "b", b, "Mari Lepik")
    assert (agg.add(first) == agg.add(second)) is same


_TURN = ("Clearly the line to our correspondent is down again, so let me tell you what we know. The harbour has "
         "been closed since the storm, and the ferry company says the ramp has to be rebuilt in a safe way before "
         "any ship docks. Nobody in the square is walking home tonight; people are waiting for news, and the "
         "mayor has promised to come down and speak to them. We will keep watching the pictures from the port "
         "for you, and we will be back with more after the break.")


def test_a_long_broadcast_turn_does_not_absorb_short_quotations() -> None:
    """A presenter's minutes-long turn holds any four common words of a short quotation; the short one is
    compared with the turn's sentences, and joins only the sentence that says the same."""
    agg = QuoteAggregator()
    turn = agg.add(Occurrence("t", "t", _TURN, "Tiina Kask"))
    stray = [agg.add(Occurrence(f"s{i}", f"s{i}", text)) for i, text in enumerate([
        # six of the words of each are in the turn, each word in another sentence of it
        "The mayor will keep the harbour closed for news",
        "People tonight are watching the ramp, the mayor says",
        "Nobody knows when the storm will let a ship into the harbour",
    ])]
    assert turn not in stray
    part = agg.add(Occurrence("p", "p", "the ramp has to be rebuilt in a safe way before any ship docks", "Kask"))
    assert part == turn  # a part of one of its sentences is the same statement


def _records(text_of: dict[str, str] | None = None) -> list[ArticleRecord]:
    texts = [
        ("e1", "Duda meets Stoltenberg in Brussels", "Andrzej Duda met Jens Stoltenberg on Thursday in Brussels. "
         "They discussed the eastern flank of the alliance.", "2021-11-25", "PAP"),
        ("e2", "Stoltenberg and Duda discuss eastern flank", "Jens Stoltenberg met Andrzej Duda in Brussels on "
         "Thursday and discussed the eastern flank.", "2021-11-26", "TVN24"),
        ("e3", "NATO summit opens in Vilnius", "NATO leaders opened a summit in Vilnius on Tuesday. "
         "Andrzej Duda attended the summit with Jens Stoltenberg.", "2023-07-11", "LRT"),
        ("e4", "Earthquake strikes Chile", "A strong earthquake struck Chile on Monday, killing 40 people.",
         "2023-03-06", "Reuters"),
    ]
    pipe = StoryPipeline()
    records = []
    for aid, title, body, date, outlet in texts:
        f = article(aid, title, body, published=date, outlet=outlet,
                    people=("Andrzej Duda", "Jens Stoltenberg", "Duda", "Stoltenberg"),
                    places=("Brussels", "Vilnius", "Chile"), orgs=("NATO",))
        e = extract_event(f)
        if text_of is not None:
            text_of[aid] = f.text
        sid, _ = pipe.add(f, e)
        records.append(ArticleRecord(aid, sid, e, title=title, outlet=outlet, published=date))
    return records


def test_timeline_of_a_person_is_in_date_order_with_outlets() -> None:
    records = _records()
    events = timeline(records, person="Duda")
    assert [e.date for e in events] == ["2021-11-25", "2023-07-11"]
    first = events[0]
    assert first.place == "Brussels" and first.outlets == ["PAP", "TVN24"]
    assert first.article_ids == ["e1", "e2"]  # the late report joins the event it reports
    assert "Andrzej Duda" in first.participants and first.summary
    assert events[1].kind == "summit"


def test_timeline_by_story_and_by_topic() -> None:
    records = _records()
    quake = next(r.story_id for r in records if r.article_id == "e4")
    assert [e.article_ids for e in timeline(records, story=quake)] == [["e4"]]
    assert [e.date for e in timeline(records, about="summit Vilnius")] == ["2023-07-11"]


def test_export_rows_have_the_contract_fields() -> None:
    records = _records()
    events = story_events(records)
    assert set(events[0].row()) == {"id", "story_id", "date", "place", "participants", "named", "kind", "summary",
                                    "article_ids", "evidence"}
    assert events[0].row()["evidence"][0] == events[0].evidence[0].row()
    rows = story_rows(records)
    assert all(set(r) == {"id", "title", "article_ids", "start", "end"} for r in rows)
    assert sum(len(r["article_ids"]) for r in rows) == 4


def test_every_fact_an_event_shows_links_to_the_words_it_was_read_from() -> None:
    texts: dict[str, str] = {}
    first = timeline(_records(texts), person="Duda")[0]
    assert {s.field for s in first.evidence} == {"date", "place", "kind", "participant", "summary"}
    for s in first.evidence:
        assert s.article_id in first.article_ids
        assert texts[s.article_id][s.start:s.end] == s.text
    assert (first.source("date").value, first.source("date").text) == ("2021-11-25", "Thursday")
    assert first.source("place").text == "Brussels" and first.source("kind").value == first.kind
    assert [s.value for s in first.evidence if s.field == "participant"] == first.participants
    assert first.source("participant", "Andrzej Duda").text in ("Andrzej Duda", "Duda")
    assert first.source("summary").value == first.summary


def test_a_participant_is_one_person_however_each_report_writes_the_name() -> None:
    def report(aid: str, written: str) -> ArticleRecord:
        event = Event(aid, date="2023-07-04", place="Vilnius",
                      participants=[Participant("person:gitanas-nauseda", written, "PERSON"),
                                    Participant("org:nato", "NATO", "ORG")])
        return ArticleRecord(aid, "s1", event, title="Nauseda warns about drills")

    records = [report("a", "Gitan Nauseda"), report("b", "Gitanas Nausėda"), report("c", "Gitanas Nausėda")]
    (event,) = story_events(records)
    assert event.participants == ["Gitanas Nausėda", "NATO"]  # counted once per report, shown as most write it
    assert event.participant_ids == ["person:gitanas-nauseda", "org:nato"]
    (named,) = story_events(records[:1], names={"person:gitanas-nauseda": "Gitanas Nausėda"})
    assert named.participants[0] == "Gitanas Nausėda"  # the entities stage's canonical name wins
    (found,) = timeline(records, person="person:gitanas-nauseda")
    assert found.participants == ["Gitanas Nausėda", "NATO"]  # an entity id finds them, and is not shown as a name


def test_a_fact_no_words_gave_has_no_evidence() -> None:
    texts: dict[str, str] = {}
    records = _records(texts)
    dated_by_publication = Event("e5", date="2021-11-25", date_source="published", place="Brussels")
    records.append(ArticleRecord("e5", records[0].story_id, dated_by_publication, title="Brussels talks",
                                 published="2021-11-25"))
    alone = story_events([records[-1]])[0]
    assert alone.date == "2021-11-25" and alone.evidence == []  # the publication date is not a span of the text
    joined = story_events(records[:2] + records[-1:])[0]
    assert joined.source("date").article_id in ("e1", "e2")  # the report that read it in its text


def test_select_dates_prefers_dates_articles_keep_referring_to() -> None:
    per_article = [("2011-01-25", []), ("2011-01-26", ["2011-01-25"]), ("2011-01-27", ["2011-01-25"]),
                   ("2011-01-27", []), ("2011-02-01", [])]
    assert select_dates(per_article, 2) == ["2011-01-25", "2011-01-27"]
    assert select_dates(per_article, 2, start="2011-01-26") == ["2011-01-26", "2011-01-27"]
    # among the days a timeline has events for: a day only referred to is not one of them
    assert select_dates(per_article, 2, among={"2011-01-26", "2011-01-27", "2011-02-01"}) == ["2011-01-26",
                                                                                             "2011-01-27"]
    # two days referred to as often: the one a report still names two weeks on is the milestone
    # (on a tie the earlier day would win)
    looking_back = [("2011-01-25", []), ("2011-01-26", ["2011-01-25"]), ("2011-02-09", ["2011-01-26"])]
    assert select_dates(looking_back, 1, start="2011-01-25", end="2011-01-26") == ["2011-01-26"]
    next_day = looking_back[:2] + [("2011-01-27", ["2011-01-26"])]
    assert select_dates(next_day, 1, start="2011-01-25", end="2011-01-26") == ["2011-01-25"]


def _event(aid: str, story: str, date: str | None, *, place: str | None = None, kind: str | None = None,
           summary: str = "", title: str = "") -> ArticleRecord:
    from storyline.stories import Event

    return ArticleRecord(aid, story, Event(aid, date=date, place=place, kind=kind, summary=summary), title)


def test_an_undated_report_joins_a_dated_event_only_on_evidence() -> None:
    dated = _event("d", "s1", "2021-11-25", place="Brussels", kind="meeting",  # a Thursday
                   title="Duda and Stoltenberg discuss the eastern flank", summary="Duda met Stoltenberg in Brussels.")
    same = _event("u1", "s1", "XXXX-WXX-4", place="Brussels", kind="press conference",
                  title="Stoltenberg and Duda talk about the eastern flank", summary="They met on Thursday.")
    other_day = _event("u2", "s1", "XXXX-WXX-3", place="Brussels", kind="meeting",
                       title="Duda and Stoltenberg discuss the eastern flank", summary="They met on Wednesday.")
    other_place = _event("u3", "s1", None, place="The Hague", kind="meeting",
                         title="Stoltenberg discusses the eastern flank over dinner", summary="Leaders dined.")
    unrelated = _event("u4", "s1", None, title="Ministers review deterrence", summary="Defence ministers met.")
    other_date = _event("u5", "s1", "XXXX-11-24", place="Brussels", kind="meeting",
                        title="Duda and Stoltenberg discuss the eastern flank", summary="They met on Nov. 24.")
    on_the_day = _event("u6", "s1", "XXXX-11-25", place="Brussels", kind="meeting",
                        title="Duda and Stoltenberg discuss the eastern flank", summary="They met on Nov. 25.")
    events = story_events([dated, same, other_day, other_place, unrelated, other_date, on_the_day])
    by_article = {a: e for e in events for a in e.article_ids}
    assert by_article["u1"] is by_article["d"] and by_article["d"].date == "2021-11-25"
    for a in ("u2", "u3", "u4"):  # a conflicting weekday or place, or no shared words: an undated event of its own
        assert by_article[a].date is None and by_article[a] is not by_article["d"]
    assert len({id(by_article[a]) for a in ("u2", "u3", "u4")}) == 3
    assert by_article["u5"].date is None and by_article["u6"] is by_article["d"]  # the day of the month decides
    assert len({e.id for e in events}) == len(events)  # ids stay unique
    assert [e.date for e in events][0] == "2021-11-25"  # dated first, undated last


def test_undated_reports_of_one_day_share_the_event_when_one_of_them_names_no_place() -> None:
    a = _event("a", "s1", "XXXX-11-12", title="Jury convicts Redwood City banker of fraud",
               summary="The jury convicted the banker of fraud on Nov. 12.")
    b = _event("b", "s1", "XXXX-11-12", place="Redwood City", title="Banker found guilty of fraud",
               summary="A jury in Redwood City found the banker guilty of fraud on Nov. 12.")
    c = _event("c", "s1", "XXXX-11-12", place="Oakland", title="Banker found guilty of fraud",
               summary="A jury in Oakland found the banker guilty of fraud on Nov. 12.")
    d = _event("d", "s1", "XXXX-11-13", title="Banker found guilty of fraud",
               summary="A jury found the banker guilty of fraud on Nov. 13.")
    by_article = {x: e for e in story_events([a, b, c, d]) for x in e.article_ids}
    assert by_article["a"] is by_article["b"]
    assert by_article["c"] is not by_article["a"]  # another place, once the event has one
    assert by_article["d"] is not by_article["a"]  # another day
    assert by_article["a"].place == "Redwood City" and by_article["a"].date_hint == "12 November"


def test_undated_reports_of_one_event_share_it_and_others_do_not() -> None:
    a = _event("a", "s1", "XXXX-WXX-3", place="Brussels", title="Stoltenberg urges Belarus to end complicity",
               summary="Stoltenberg urged Belarus to end its complicity.")
    b = _event("b", "s1", "XXXX-WXX-3", place="Brussels", title="Belarus must end complicity, Stoltenberg urges",
               summary="The NATO chief urged Belarus to end complicity.")
    c = _event("c", "s1", None, title="Allies to send more air defence", summary="Allies pledged air defence.")
    d = _event("d", "s1", None, title="Ministers review deterrence", summary="The ministers met in the morning.")
    by_article = {x: e for e in story_events([a, b, c, d]) for x in e.article_ids}
    assert by_article["a"] is by_article["b"] and by_article["c"] is not by_article["d"]


@pytest.mark.parametrize(("value", "hint"), [
    ("XXXX-WXX-3", "a Wednesday"),
    ("XXXX-WXX-7", "a Sunday"),
    ("2023-06", "June 2023"),
    ("2023", "2023"),
    ("XXXX-12-14", "14 December"),  # a day without a year
    ("2023-06-27", None),  # a day is the date itself
    ("2023-13", None),
    ("XXXX-WXX-8", None),
    ("PRESENT_REF", None),
    (None, None),
])
def test_the_coarse_date_of_an_undated_event_in_words(value: str | None, hint: str | None) -> None:
    from storyline.stories.timeline import date_hint

    assert date_hint(value) == hint


def test_an_undated_event_shows_the_weekday_its_reports_give() -> None:
    from storyline.stories.timeline import when

    records = [ArticleRecord(f"a{i}", "s1", Event(f"a{i}", date="XXXX-WXX-3", summary="Talks in Brussels."))
               for i in range(2)]
    records.append(ArticleRecord("b", "s2", Event("b", date="2023-06-27", summary="A summit.")))
    events = {e.story_id: e for e in story_events(records)}
    s1, s2 = events["s1"], events["s2"]
    assert (s1.date, s1.date_hint, when(s1.date, s1.date_hint)) == (None, "a Wednesday", "undated (a Wednesday)")
    assert (s2.date_hint, when(s2.date, s2.date_hint)) == (None, "2023-06-27")
    assert when(None, None) == "undated"


@pytest.mark.parametrize(("event_date", "estimates", "hint"), [
    ("XXXX-WXX-3", ["2023", "2023"], "a Wednesday, ~2023"),  # the year the texts imply
    ("XXXX-12-14", ["2023-12"], "14 December, ~December 2023"),
    (None, ["2022"], "~2022"),  # no day, no weekday: the year alone
    ("2023-06", ["2023"], "June 2023"),  # a coarse date with its year needs no estimate
    ("XXXX-WXX-3", [None, None], "a Wednesday"),  # nothing implied: nothing added
])
def test_an_undated_event_shows_the_year_its_articles_imply(event_date: str | None, estimates: list[str | None],
                                                             hint: str) -> None:
    records = [ArticleRecord(f"a{i}", "s1", Event(f"a{i}", date=event_date, summary="Talks."), estimate=est)
               for i, est in enumerate(estimates)]
    (event,) = story_events(records)
    assert event.date is None and event.date_hint == hint


def test_a_person_timeline_holds_the_events_that_quote_them() -> None:
    from storyline.stories.quotes import aggregate

    records = [ArticleRecord("a", "s1", Event("a", date="2024-03-01", summary="Ministers met in Riga.",
                                              participants=[Participant("p:vaher", "Liis Vaher", "PERSON")])),
               ArticleRecord("b", "s2", Event("b", date="2024-03-05", summary="The port reopened.")),
               ArticleRecord("c", "s3", Event("c", date="2024-03-09", summary="A ferry ran aground."))]
    quotes = aggregate([
        Occurrence("q1", "b", "the port will stay open through the winter season", "Oskar Lind", "p:lind"),
        Occurrence("q2", "b", "every ship will be inspected before it leaves the harbour", "Liis Vaher", "p:vaher"),
    ])
    events = timeline(records, quotes, person="Vaher", quoted={"b"})
    assert [e.story_id for e in events] == ["s1", "s2"]  # a participant of one, quoted in the other
    port = events[1]
    assert port.quotes[0].speaker == "Liis Vaher" and port.participants[0] == "Vaher"
    assert [e.story_id for e in timeline(records, quotes, person="Vaher")] == ["s1"]  # without what quotes her
    by_id = timeline(records, quotes, person="p:vaher", quoted={"b"})  # an entity id, as the web's person page
    assert [e.story_id for e in by_id] == ["s1", "s2"] and by_id[1].quotes[0].speaker_id == "p:vaher"


def test_key_quotes_put_the_speakers_own_words_before_paraphrase() -> None:
    from storyline.stories.quotes import aggregate

    record = ArticleRecord("a", "s1", Event("a", date="2024-03-01", summary="Ministers met in Riga."))
    quotes = aggregate([
        Occurrence("q1", "a", "the ministers to reopen the border crossings", "Liis Vaher", "p:vaher", kind="indirect"),
        Occurrence("q2", "a", "No ship will leave the harbour uninspected", "Liis Vaher", "p:vaher", kind="partial"),
        Occurrence("q3", "a", "We will reopen every crossing by the spring", "Liis Vaher", "p:vaher", kind="direct"),
        Occurrence("q4", "a", "Ferries must sail on time again", "Liis Vaher", "p:vaher", kind="headline"),
    ])
    (event,) = timeline([record], quotes)
    assert [g.kind for g in event.quotes] == ["direct", "headline", "partial"]  # equals keep the article's order


def test_a_scrap_the_quote_stage_let_through_is_no_key_quote() -> None:
    from storyline.stories.quotes import aggregate

    records = [ArticleRecord(a, "s1", Event(a, date="2024-03-01", summary="Ministers met in Riga.")) for a in "abc"]
    quotes = aggregate([Occurrence(f"{a}1", a, "he said.", None) for a in "abc"]  # carried by three articles ...
                       + [Occurrence("a2", "a", "No.", "Liis Vaher"),
                          Occurrence("a3", "a", "Free ferries now", "Liis Vaher"),
                          Occurrence("b3", "b", "We will reopen every crossing by the spring", "Liis Vaher")])
    (event,) = timeline(records, quotes)
    assert [g.text for g in event.quotes] == ["Free ferries now", "We will reopen every crossing by the spring"]


def test_a_headline_that_quotes_part_of_itself_ranks_as_a_partial_quote() -> None:
    from storyline.stories.quotes import aggregate

    record = ArticleRecord("a", "s1", Event("a", date="2024-03-01", summary="Ministers met in Riga."))
    quotes = aggregate([
        Occurrence("q1", "a", 'the port strike "reckless and costly"', "Liis Vaher", "p:vaher", kind="headline"),
        Occurrence("q2", "a", "We will reopen every crossing by the spring", "Liis Vaher", "p:vaher", kind="direct"),
    ])
    (event,) = timeline([record], quotes)
    assert [g.id for g in event.quotes] == [quotes[1].id, quotes[0].id]


def test_a_statement_one_report_quotes_word_for_word_is_direct() -> None:
    from storyline.stories.quotes import aggregate

    (group,) = aggregate([
        Occurrence("q1", "a", "the border must stay open to trade and travel", "Liis Vaher", kind="indirect"),
        Occurrence("q2", "b", "The border must stay open to trade and travel", "Liis Vaher", kind="direct"),
    ])
    assert group.kind == "direct"


def test_participants_of_equal_weight_keep_the_order_the_articles_give() -> None:
    people = [Participant(f"p:{n.lower()}", n, "PERSON") for n in ("Vaher", "Lind", "Ots", "Saar", "Kask", "Tamm")]
    records = [ArticleRecord("a", "s1", Event("a", date="2024-03-01", summary="Ministers met.", participants=people)),
               ArticleRecord("b", "s1", Event("b", date="2024-03-01", summary="Ministers met.",
                                              participants=people[::-1]))]
    (event,) = story_events(records)
    assert event.participants == ["Vaher", "Lind", "Ots", "Saar", "Kask"]  # not the order of a set


def test_key_quotes_count_the_reports_of_the_timeline_not_of_other_stories() -> None:
    """A statement is read with every report of it in the store; a line that articles of other
    stories repeat (a sidebar the scraper kept) does not outrank what this story's outlets carried."""
    from storyline.stories.quotes import aggregate

    records = [ArticleRecord(a, "s1", Event(a, date="2024-03-01", summary="Ministers met in Riga."), outlet=o)
               for a, o in (("a", "Riga Post"), ("b", "Baltic Wire"))]
    elsewhere = [Occurrence(f"x{i}", f"x{i}", "Fishing quotas will stay as they are this year", "Oskar Lind",
                            outlet=f"Outlet {i}") for i in range(4)]
    quotes = aggregate([*elsewhere, Occurrence("a1", "a", "Fishing quotas will stay as they are this year",
                                               "Oskar Lind", outlet="Riga Post"),
                        Occurrence("a2", "a", "We will reopen every crossing by the spring", "Liis Vaher",
                                   outlet="Riga Post"),
                        Occurrence("b2", "b", "We will reopen every crossing by spring", "Liis Vaher",
                                   outlet="Baltic Wire")])
    (event,) = timeline(records, quotes)
    assert [g.speaker for g in event.quotes] == ["Liis Vaher", "Oskar Lind"]
    assert len(event.quotes[1].outlets) == 5  # what it shows: every outlet that carried it


def test_select_dates_keeps_only_dates_it_can_show_asking_in_order_of_importance() -> None:
    per_article = [("2011-01-26", ["2011-01-25"]), ("2011-01-27", ["2011-01-25"]), ("2011-01-27", []),
                   ("2011-02-01", [])]
    asked: list[str] = []

    def shown(day: str) -> bool:
        asked.append(day)
        return day != "2011-01-25"

    assert select_dates(per_article, 2, keep=shown) == ["2011-01-26", "2011-01-27"]
    assert asked == ["2011-01-25", "2011-01-27", "2011-01-26"]  # most named first; never past the second kept
