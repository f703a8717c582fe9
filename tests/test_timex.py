"""Time expressions: tagging, normalisation against the article date, inference, and `storyline time`.

Every case is a sentence written for this file. The anchor is Thursday 29 June 2023 unless a case
says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.timex import AnchorEvent, event_date, infer_published, parse_anchor, tag

ANCHOR = "2023-06-29"  # a Thursday


def found(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str, str]]:
    timexes = tag(text, anchor)
    for t in timexes:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.type, t.value) for t in timexes]


def one(text: str, anchor: str | None = ANCHOR) -> tuple[str, str, str]:
    got = found(text, anchor)
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("The invasion began on 24 February 2022.", ("24 February 2022", "DATE", "2022-02-24")),
    ("The accord was signed on June 12, 2023, in Vienna.", ("June 12, 2023", "DATE", "2023-06-12")),
    ("The decree is dated 2023-06-27.", ("2023-06-27", "DATE", "2023-06-27")),
    ("The vote took place on 14.03.2021 in Minsk.", ("14.03.2021", "DATE", "2021-03-14")),
    ("It was founded in July 1997 by two brothers.", ("July 1997", "DATE", "1997-07")),
    ("Crimea was annexed in 2014.", ("2014", "DATE", "2014")),
    ("Spending rose in fiscal 2022.", ("fiscal 2022", "DATE", "2022")),
    ("Talks resumed on Wednesday, June 28, in Geneva.", ("Wednesday, June 28", "DATE", "2023-06-28")),
    ("The ceasefire broke down in mid-March.", ("mid-March", "DATE", "2023-03")),
    ("Voting ends at the end of 2024.", ("the end of 2024", "DATE", "2024")),
    ("Voting began on Dec.14 in Ashgabat.", ("Dec.14", "DATE", "2022-12-14")),  # a space lost in scraping
])
def test_explicit_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("Duda met Biden on Tuesday in Warsaw.", "2023-06-27"),
    ("Duda said on Thursday that the talks had failed.", "2023-06-29"),  # the article's own day
    ("Duda will meet Biden on Tuesday in Warsaw.", "2023-07-04"),
    ("Biden is to visit Warsaw on Monday.", "2023-07-03"),
    ("The summit will be held on Friday, officials said.", "2023-06-30"),
    ("Ministers are expected to sign the deal on Saturday.", "2023-07-01"),
    ("Stoltenberg met Duda this Wednesday in Brussels.", "2023-06-28"),
    ("The leaders meet again next Tuesday.", "2023-07-04"),
    ("The strike on the port came last Thursday.", "2023-06-22"),
    ("Friday's vote will decide the budget.", "2023-06-23"),  # a possessive names what happened
    ("Strikes resumed on Sunday night.", "2023-06-25TNI"),
    ("The vote was postponed until Tuesday.", "2023-07-04"),  # postponed to: later than the postponing
])
def test_weekdays_follow_the_tense(text: str, value: str) -> None:
    assert one(text)[2] == value


@pytest.mark.parametrize(("text", "value"), [
    ("Ministers met this week.", "2023-W26"),
    ("Ministers meet next week.", "2023-W27"),
    ("Ministers met last week.", "2023-W25"),
    ("Prices fell this month.", "2023-06"),
    ("Prices will fall next month.", "2023-07"),
    ("Prices fell last month.", "2023-05"),
    ("Growth slowed this year.", "2023"),
    ("Growth will pick up next year.", "2024"),
    ("Growth slowed last year.", "2022"),
    ("The parliament sat late last week.", "2023-W25"),
    ("The plan was announced earlier this year.", "2023"),
    ("The army retreated over the weekend.", "2023-W25-WE"),
])
def test_this_next_last(text: str, value: str) -> None:
    assert one(text)[2] == value


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor will speak tonight.", ("tonight", "TIME", "2023-06-29TNI")),
    ("The mayor spoke yesterday.", ("yesterday", "DATE", "2023-06-28")),
    ("The mayor speaks tomorrow.", ("tomorrow", "DATE", "2023-06-30")),
    ("The mayor spoke today.", ("today", "DATE", "2023-06-29")),
    ("Sirens sounded last night.", ("last night", "TIME", "2023-06-28TNI")),
    ("The mayor spoke this morning.", ("this morning", "TIME", "2023-06-29TMO")),
    ("Drones struck Odesa overnight, killing two.", ("overnight", "TIME", "2023-06-28TNI")),
    ("The shelling started at 10:30 a.m. on Tuesday.", ("10:30 a.m. on Tuesday", "TIME", "2023-06-27T10:30")),
    ("The shelling started at 10:30 a.m.", ("10:30 a.m.", "TIME", "2023-06-29T10:30")),
    ("The sirens sounded at 22:30 Kyiv time.", ("22:30 Kyiv time", "TIME", "2023-06-29T22:30")),
])
def test_days_and_times(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The war began on February 24 last year.", ("February 24 last year", "DATE", "2022-02-24")),
    ("The talks will resume in July.", ("July", "DATE", "2023-07")),
    ("The talks collapsed in September.", ("September", "DATE", "2022-09")),
    ("Inflation peaked in January.", ("January", "DATE", "2023-01")),
    ("He left office in May.", ("May", "DATE", "2023-05")),
    ("The plant should be finished by 2023.", ("2023", "DATE", "2023")),
    ("Russia sent more troops last November.", ("last November", "DATE", "2022-11")),
    ("The army will be ready next March.", ("next March", "DATE", "2024-03")),
    ("The talks were held on Christmas Eve.", ("Christmas Eve", "DATE", "2022-12-24")),
])
def test_months_and_years_named_without_their_year(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("In January, a bomb killed a guard.", "2023-01"),  # the fronted adverbial takes the main verb's tense
    ("The company will pay the dividend on Jan. 14.", "2024-01-14"),
    ("The offer was extended to Nov. 16.", "2023-11-16"),  # a deadline: the past verb does not decide
    ("The fiscal year ended March 31.", "2023-03-31"),
])
def test_year_of_a_date_seen_from_late_october(text: str, value: str) -> None:
    assert found(text, "2023-10-25")[-1][2] == value


@pytest.mark.parametrize(("text", "value"), [
    ("The offensive began last summer.", "2022-SU"),
    ("The bridge will open this autumn.", "2023-FA"),
    ("Kyiv was hit hard in the winter of 2022.", "2022-WI"),
    ("Exports fell in the first quarter.", "2023-Q1"),
    ("Exports fell in Q3 2022.", "2022-Q3"),
    ("Exports fell in the third quarter of 2022.", "2022-Q3"),
    ("Output doubled in the first half of 2023.", "2023-H1"),
    ("Poland grew fast in the 1990s.", "199"),
    ("Poland was poor in the '80s.", "198"),
    ("The border was drawn in the 20th century.", "19"),
    ("The army will modernise this decade.", "202"),
])
def test_seasons_quarters_decades(text: str, value: str) -> None:
    assert one(text)[2] == value


@pytest.mark.parametrize(("text", "expected"), [
    ("He served two years in prison.", ("two years", "P2Y")),
    ("The ceasefire lasted three days.", ("three days", "P3D")),
    ("The ceasefire lasted 48 hours.", ("48 hours", "PT48H")),
    ("The siege lasted a year and a half.", ("a year and a half", "P1Y6M")),
    ("Shelling has intensified over the past two weeks.", ("the past two weeks", "P2W")),
    ("The talks dragged on for several months.", ("several months", "PXM")),
    ("They signed a two-year contract.", ("two-year", "P2Y")),
    ("The country was occupied for decades.", ("decades", "PXY")),
    ("The war has lasted almost a decade.", ("almost a decade", "P10Y")),
])
def test_durations(text: str, expected: tuple[str, str]) -> None:
    text_, ttype, value = one(text)
    assert (text_, value) == expected and ttype == "DURATION"


@pytest.mark.parametrize(("text", "expected"), [
    ("The council meets every week.", ("every week", "P1W")),
    ("Elections are held every four years.", ("every four years", "P4Y")),
    ("The market opens each Monday.", ("each Monday", "XXXX-WXX-1")),
    ("Protesters gathered daily.", ("daily", "P1D")),
    ("The fund pays $5 million a year.", ("a year", "P1Y")),
    ("The ferry sails twice a week.", ("twice a week", "P1W")),
    ("The market is closed on Sundays.", ("Sundays", "XXXX-WXX-7")),
])
def test_sets(text: str, expected: tuple[str, str]) -> None:
    text_, ttype, value = one(text)
    assert (text_, value) == expected and ttype == "SET"


@pytest.mark.parametrize(("text", "expected"), [
    ("The bridge is now closed.", ("now", "PRESENT_REF")),
    ("The bridge is currently closed.", ("currently", "PRESENT_REF")),
    ("The bridge was recently closed.", ("recently", "PAST_REF")),
    ("The bridge may reopen in the future.", ("the future", "FUTURE_REF")),
    ("Attacks have grown in recent years.", ("recent years", "PAST_REF")),
    ("More aid will come in the coming weeks.", ("the coming weeks", "FUTURE_REF")),
])
def test_general_references(text: str, expected: tuple[str, str]) -> None:
    text_, ttype, value = one(text)
    assert (text_, value) == expected and ttype == "DATE"


@pytest.mark.parametrize(("text", "expected"), [
    # an offset from an event is a DURATION: no date is guessed for the event
    ("One month after the start of the invasion, the city fell.", [("One month", "DURATION", "P1M")]),
    ("Two days before the vote, the minister resigned.", [("Two days", "DURATION", "P2D")]),
    ("The city fell on 3 March 2022. Two days later, the mayor fled.",
     [("3 March 2022", "DATE", "2022-03-03"), ("Two days later", "DATE", "2022-03-05")]),
    ("The army crossed the river in 2014. That year, the war began.",
     [("2014", "DATE", "2014"), ("That year", "DATE", "2014")]),
    ("Profit rose in the third quarter from a year earlier.",
     [("the third quarter", "DATE", "2023-Q3"), ("a year earlier", "DATE", "2022-Q3")]),
])
def test_anaphora_and_event_offsets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, "2023-10-26") == expected if "quarter" in text else found(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("He was elected two years ago.", "2021"),
    ("The offensive began three weeks ago.", "2023-W23"),
    ("The fire started ten days ago.", "2023-06-19"),
    ("The town fell a month ago.", "2023-05"),
    ("The plant closed several years ago.", "PAST_REF"),
])
def test_ago(text: str, value: str) -> None:
    assert one(text)[2] == value


@pytest.mark.parametrize("text", [
    "Theresa May said the deal was dead.",
    "Brian May played the guitar.",
    "April Ryan asked the first question.",
    "They joined the march on Warsaw.",
    "Defence spending reached 2% of GDP.",
    "The first F-16 jets arrived.",
    "The table is on page 12.",
    "Poland sent Leopard 2 A6 tanks.",
    "About 2000 troops crossed the border.",
    "The uprising was called the Arab Spring.",
    "After the fall of Kabul, the embassy closed.",
    "A 6-year-old boy was rescued.",
    "The daily Kommersant reported the talks.",
    "The quarterly dividend was cut.",
    "She won a second term.",
    "They may meet to march together.",
    "Resolution 2231 was adopted.",
    "The Good Friday Agreement held.",
    "The Six-Day War changed the map.",
    "The Sunday Times broke the story.",
    "Ukraine ordered 24 Hours of Le Mans tickets.",
])
def test_not_time_expressions(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "Patches come out on the second Tuesday of each month.",
    "The market opens on the last Friday of every month.",
    "The council meets on the first Monday of the month.",
])
def test_a_recurring_weekday_is_no_date(text: str) -> None:
    assert [t for t in found(text) if t[1] == "DATE"] == []


@pytest.mark.parametrize(("text", "value"), [
    ("The mayor spoke yesterday.", "XXXX-XX-XX"),
    ("The mayor spoke on Friday.", "XXXX-WXX-5"),
    ("The talks resume in July.", "XXXX-07"),
    ("The talks resume on June 5.", "XXXX-06-05"),
    ("The talks ended two years ago.", "PAST_REF"),
    ("Ministers met last week.", "XXXX-WXX"),
    ("Crimea was annexed in 2014.", "2014"),
])
def test_without_an_anchor_values_stay_underspecified(text: str, value: str) -> None:
    assert one(text, None)[2] == value


def test_anchor_forms() -> None:
    assert parse_anchor("2023-06-29T10:00") == dt.date(2023, 6, 29)
    assert parse_anchor(dt.datetime(2023, 6, 29, 10)) == dt.date(2023, 6, 29)
    assert parse_anchor(None) is None
    assert tag("It rained yesterday.", dt.date(2023, 6, 29))[0].value == "2023-06-28"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_anchor("29/06/2023")


def test_offsets_point_into_the_text_as_given() -> None:
    text = "  Kallas spoke on Tuesday.\r\n\r\nShe will return next month.\u00a0Recently, talks stalled."
    got = tag(text, ANCHOR)
    assert [text[t.start:t.end] for t in got] == ["Tuesday", "next month", "Recently"]


# -- inference -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "at_least"), [
    ("KYIV, June 29, 2023 (Reuters) - Drones struck the capital overnight.", "2023-06-29", 0.85),
    ("The talks began in March 2022. They collapsed on 14 June 2023, when the delegation walked out.",
     "2023-06-14", 0.6),
    # the news comes first: a later day that only the closing profile gives is background
    ("After months of debate the council of the harbour town of Vestra approved its budget on 4 March 2024, "
     "officials said. The vote was close. "
     "Mayor Karl Lepik, who chairs the council, has led the city for a decade. He was named head of the "
     "harbour board on 12 May 2024 and of the regional port authority on 9 June 2024, after the elections.",
     "2024-03-04", 0.6),
    # a text whose first half reports no day: the latest day anywhere
    ("The council of Vestra, officials said, met again to discuss the harbour budget and the ferry lines. "
     "The vote was held on 4 March 2024 and the budget passed on 6 March 2024.", "2024-03-06", 0.6),
])
def test_infer_published_from_evidence(text: str, value: str, at_least: float) -> None:
    got, confidence = infer_published(text)
    assert got == value and at_least <= confidence <= 1.0


@pytest.mark.parametrize("text", [
    "The minister spoke on Tuesday about next week's summit.",
    "Two years ago the border was closed; it reopened last month.",
    # a year or a month in the past is background, a lower bound often years before the date
    "Allied forces have been present in the region since 2014, the minister recalled.",
    "The talks began in March 2022. They collapsed in June 2023, when the delegation walked out.",
    "The talks began in 2022. In late 2022 they collapsed, officials said.",
    # a future date is an upper bound: a mandate "until October 2023" may be extended in March 2022
    "Russia launched the invasion on February 24 last year. The plant will make a million shells by 2023.",
    "His mandate was extended until October 2023.",
    "",
])
def test_infer_published_never_invents_a_date(text: str) -> None:
    assert infer_published(text) == (None, 0.0)


def test_infer_published_uses_given_timexes() -> None:
    text = "The bridge opened in May 2021."
    assert infer_published(text, tag(text, None)) == infer_published(text)


def test_event_date_of_a_quote() -> None:
    text = "On Tuesday, Duda said the summit would be held next week. “We are ready,” he said. It rained."
    timexes = tag(text, ANCHOR)
    first = text.index(".") + 1
    assert event_date(0, first, timexes) == "2023-06-27"  # said on that Tuesday, not on the 29th
    second = text.index("It rained")
    assert event_date(first, second, timexes) is None
    assert event_date(0, len(text), [t for t in timexes if t.text == "next week"]) == "2023-W27"
    morning = "The minister spoke this morning."
    assert event_date(0, len(morning), tag(morning, ANCHOR)) == "2023-06-29"


def test_event_date_ignores_durations_and_references() -> None:
    text = "For two years, the talks have recently stalled."
    assert event_date(0, len(text), tag(text, ANCHOR)) is None


# -- storyline time ------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_prints_one_json_line_per_expression(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Duda said on Thursday\r\nhe will visit Kyiv next week. Recently it rained for two days."
    path.write_bytes(text.encode("utf-8"))
    result = runner.invoke(app, ["time", "--date", "2023-06-29", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [
        ("Thursday", "DATE", "2023-06-29"), ("next week", "DATE", "2023-W27"), ("Recently", "DATE", "PAST_REF"),
        ("two days", "DURATION", "P2D")]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert set(rows[0]) == {"start", "end", "text", "type", "value"}


def test_cli_knowledge_file_dates_landmark_phrases(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text("events:\n  - {name: Orrin Bay blockade, date: 2021-02-24}\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("A year after the Orrin Bay blockade, ferries sail.", encoding="utf-8")
    result = runner.invoke(app, ["time", "--kb", str(kb), str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("A year after the Orrin Bay blockade", "2022-02-24")]
    without = runner.invoke(app, ["time", str(path)])
    assert [json.loads(line)["value"] for line in without.stdout.splitlines()] == ["P1Y"]


def test_cli_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "It rained on Friday.", "date": "2023-06-29"}) + "\n"
                    + json.dumps({"id": "b", "text": "It rained yesterday."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["time", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0] == {"id": "a", "timexes": [{"start": 13, "end": 19, "text": "Friday", "type": "DATE",
                                              "value": "2023-06-23"}]}
    assert rows[1]["id"] == "b" and rows[1]["timexes"][0]["value"] == "XXXX-XX-XX"
    result = runner.invoke(app, ["time", "--jsonl", "--date", "2023-06-29", str(path)])
    assert json.loads(result.stdout.splitlines()[1])["timexes"][0]["value"] == "2023-06-28"


@pytest.mark.parametrize(("args", "needle"), [
    (["--date", "29.06.2023"], "YYYY-MM-DD"),
    (["--jsonl"], "a.txt:1"),
])
def test_cli_errors_are_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["time", *args, str(path)])
    assert result.exit_code == 1
    assert needle in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["time", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.stderr


# -- dates counted from a landmark (the knowledge file's events) --------------------------------------

LANDMARKS = (AnchorEvent("Lakeside dam failure", "2019-05-06", ("collapse of the Lakeside dam", "dam collapse")),
             AnchorEvent("Orrin Bay blockade", "2021-02-24", ("blockade of Orrin Bay",)))


@pytest.mark.parametrize(("text", "expected"), [
    ("One month after the start of the Orrin Bay blockade, today the ferries run again.",
     ("One month after the start of the Orrin Bay blockade", "2021-03-24")),
    ("Two years since the collapse of the Lakeside dam, the valley is dry.",
     ("Two years since the collapse of the Lakeside dam", "2021-05-06")),
    ("Ten days into the blockade of Orrin Bay, fuel ran short.",
     ("Ten days into the blockade of Orrin Bay", "2021-03-06")),
    ("Residents marked the third anniversary of the dam collapse.",
     ("the third anniversary of the dam collapse", "2022-05-06")),
    # at most one word between the name's words: "the long blockade of Orrin Bay"
    ("A week after the long blockade of Orrin Bay began, talks opened.",
     ("A week after the long blockade of Orrin Bay", "2021-03-03")),
    # a month and day of the landmark, near its name, is its day
    ("The blockade of Orrin Bay, imposed on February 24 last year, still holds.",
     ("February 24 last year", "2021-02-24")),
])
def test_landmarks_date_phrases(text: str, expected: tuple[str, str]) -> None:
    got = [(t.text, t.value) for t in tag(text, None, LANDMARKS) if t.type == "DATE"]
    assert expected in got
    assert all(not (t.type == "DURATION" and t.text in expected[0]) for t in tag(text, None, LANDMARKS))


@pytest.mark.parametrize("text", [
    "Several months after the Orrin Bay blockade, nobody remembers it.",  # no count, no date
    "A month after the harbour strike, the ferries ran again.",  # an event the file does not know
    "The strike began on February 24 last year.",  # the landmark's day, but not its name
    "The dam collapse flooded the valley on March 2.",  # its name, but not its day
    "Forty years after the Lakeside dam opened, engineers inspected it.",  # not the failure: its name is not there
])
def test_landmarks_change_nothing_else(text: str) -> None:
    assert tag(text, None, LANDMARKS) == tag(text, None)


def test_no_landmarks_no_change() -> None:
    text = "One month after the start of the Orrin Bay blockade, the ferries run again."
    assert tag(text, None, ()) == tag(text, None)
    assert [t.value for t in tag(text, None) if t.type == "DATE"] == []


@pytest.mark.parametrize(("text", "value"), [
    # counted from a landmark: the day it names, though the text never states a year
    ("One month after the start of the Orrin Bay blockade, today the ferries run again. The port "
     "authority's licence runs until October 2026.", "2021-03-24"),
    # "last year" on the landmark's day: written the year after, and no dateline
    ("The blockade of Orrin Bay began on February 24 last year. Traders say it will be lifted by 2024.", "2022"),
])
def test_landmarks_date_the_article(text: str, value: str) -> None:
    got, confidence = infer_published(text, tag(text, None, LANDMARKS))
    assert got == value and 0.0 < confidence <= 0.8
    assert infer_published(text) != (value, confidence)  # without the landmarks the text does not say
