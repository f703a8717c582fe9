"""When an article's event happened: the day its lead gives, read against its publication date.

The lead's first day is the event unless it is background: a bound ("since June 21"), a plan, a
landmark of last year, where a clause counts from, or a day weeks back when the lead also gives a
day of this week. An undated article keeps what it has: a weekday, a day without a year.
"""

from __future__ import annotations

import pytest
from stories_helpers import article

from storyline.stories import ArticleFeatures, StoryIndex, extract_event, text_features


def file_all(index: StoryIndex, *articles: ArticleFeatures) -> list[str]:
    """File the articles in order; the story id each went to."""
    return [index.add(f.id, extract_event(f), text_features(f)).story_id for f in articles]


def test_undated_article_keeps_the_weekday() -> None:
    f = article("x", "Duda meets Stoltenberg", "Duda met Stoltenberg on Thursday in Brussels.",
                people=("Duda", "Stoltenberg"), places=("Brussels",))
    e = extract_event(f)
    assert e.date == "XXXX-WXX-4" and e.weekday == 4


@pytest.mark.parametrize(("lead", "date"), [
    ("The jury convicted the banker on Nov. 12 of fraud in Redwood City.", "XXXX-11-12"),
    ("Voters went to the polls on Sunday, 14 December, in Ashgabat.", "XXXX-12-14"),
    ("Voters went to the polls on Sunday in Ashgabat. The count ended on 15 December.", "XXXX-WXX-7"),  # the first
    ("The trial of the banker is set for June 17 in Redwood City.", None),  # a plan, not the event
    ("The banker has been held since June 21 in Redwood City.", None),  # a bound
    ("The banker gave gifts at Christmas in Redwood City.", None),  # a season more often than a day
])
def test_an_undated_article_keeps_a_date_without_a_year(lead: str, date: str | None) -> None:
    e = extract_event(article("x", "Banker in court", lead, places=("Redwood City", "Ashgabat")))
    assert e.date == date
    assert e.month_day == ((int(date[5:7]), int(date[8:10])) if date and date[5:7].isdigit() else None)


def test_a_landmark_day_last_year_is_no_event_date_but_a_counted_day_is() -> None:
    from dataclasses import replace

    from storyline.timex import AnchorEvent, tag

    blockade = (AnchorEvent("Orrin Bay blockade", "2024-05-03"),)
    background = article("x", "Ferries sail again", "The Orrin Bay blockade began on May 3 last year. The ferries "
                         "sailed again on Tuesday in Varna.", places=("Varna",))
    background = replace(background, timexes=tag(background.text, None, blockade))
    assert "2024-05-03" in [t.value for t in background.timexes]  # the landmark's day ...
    assert extract_event(background).date == "XXXX-WXX-2"  # ... is background; the lead's weekday stays
    counted = article("y", "Ferries sail again", "A month after the Orrin Bay blockade, ferries sail today in Varna.",
                      places=("Varna",))
    counted = replace(counted, timexes=tag(counted.text, None, blockade))
    assert extract_event(counted).date == "2024-06-03"  # counted from it: the article's own day


@pytest.mark.parametrize(("lead", "date"), [
    ("The ferry sank on May 10 off Varna.", "2025-05-10"),
    # what a clause counts from, weeks before, is where it began, not this report's event
    ("Fuel has leaked into the bay since the ferry sank on May 3 off Varna. Divers sealed a tank on Monday.",
     "2025-05-19"),
    ("Fuel has leaked into the bay ever since the ferry sank on May 3 off Varna.", "2025-05-20"),  # published
    # ... but a day or two before, it is the news itself
    ("Fuel has leaked since the ferry sank on May 18 off Varna.", "2025-05-18"),
])
def test_a_day_a_clause_counts_from_is_background(lead: str, date: str) -> None:
    e = extract_event(article("x", "Ferry fuel leak", lead, published="2025-05-20", places=("Varna",)))
    assert e.date == date


def test_a_dated_article_reads_the_month_and_day_of_its_date() -> None:
    f = article("x", "Banker convicted", "The jury convicted the banker on Nov. 12 of fraud.", published="2008-11-13")
    e = extract_event(f)
    assert (e.date, e.month_day) == ("2008-11-12", (11, 12))


@pytest.mark.parametrize(("a", "b", "gap"), [
    ((12, 14), (12, 14), 0),
    ((12, 14), (12, 15), 1),
    ((12, 30), (1, 2), 3),  # round the turn of the year
    ((9, 18), (12, 14), 87),
    ((1, 1), (7, 2), 182),  # never more than half a year
    ((2, 30), (3, 1), 1),  # an impossible day is read as the month's last
])
def test_the_calendar_gap_of_dates_without_a_year(a: tuple[int, int], b: tuple[int, int], gap: int) -> None:
    from storyline.stories.index_types import calendar_gap

    assert calendar_gap(a, b) == gap == calendar_gap(b, a)


def test_a_date_without_a_year_weeks_off_the_story_costs_a_little() -> None:
    def report(aid: str, lead: str, published: str | None = None) -> object:
        return article(aid, "Turkmenistan elects a parliament",
                       lead + " Turkmen voters chose deputies for the Mejlis from candidates of the ruling party. "
                       "Observers from the OSCE said the vote offered no real choice.",
                       published=published, places=("Turkmenistan",))

    index = StoryIndex()
    dated = report("a", "Turkmenistan held a parliamentary election on 15 December.", "2013-12-15")
    file_all(index, dated)
    near = index.add("b", extract_event(f := report("b", "Turkmenistan held a parliamentary election on Dec. 15.")),
                     text_features(f))
    far = index.add("c", extract_event(g := report("c", "Turkmenistan held a parliamentary election on June 14.")),
                    text_features(g))
    assert near.parts.get("date", 0.0) == 0.0
    assert -index.params.calendar_penalty_cap <= far.parts["date"] < 0


@pytest.mark.parametrize(("lead", "date"), [
    # the rig a relative clause recalls, then this week's news: the news
    ("Divers reached the ferry, which sank on May 3 off Varna. Officials in Varna said on Monday that the tanks "
     "were sealed.", "2025-05-19"),
    # a photograph's day above the story, then the story's day
    ("A tug passes the wreck off Varna on May 3. The port of Varna reopened on Tuesday.", "2025-05-20"),
    # a day up to two weeks back and no day of this week: still the lead's day (a late report)
    ("The ferry sank on May 10 off Varna, an inquiry found.", "2025-05-10"),
    # ... further back, what the story goes back to: the publication date stands in
    ("The ferry sank on May 3 off Varna, an inquiry found.", "2025-05-20"),
    ("The ferry sank on May 6 off Varna, an inquiry found.", "2025-05-06"),
    # two days of this week: the first
    ("The ferry was refloated on Sunday off Varna and towed into port on Monday.", "2025-05-18"),
    # a day weeks back that names the event the story goes back to: the publication date stands in
    ("The mayor of Varna vowed to prevent a repeat of the May 3 ferry disaster.", "2025-05-20"),
    ("Divers kept working off Varna after the sinking of the ferry May 3.", "2025-05-20"),
])
def test_a_day_weeks_back_is_the_event_only_when_the_lead_gives_no_day_of_this_week(lead: str, date: str) -> None:
    e = extract_event(article("x", "Ferry inquiry", lead, published="2025-05-20", places=("Varna",)))
    assert e.date == date
