"""Table-driven tests of the line rules of the clean stage, including lines that must stay."""

from __future__ import annotations

import pytest

from storyline.clean.captions import find_caption, glued_credit
from storyline.clean.credits import agency, parse_banner, parse_credit_line, parse_dateline
from storyline.clean.language import foreign_line
from storyline.clean.metadata import date_line, date_prefix, headline_stamp, looks_like_headline, looks_like_sentence
from storyline.clean.phrases import glued_byline_end, match_boilerplate
from storyline.textmap import OffsetMap


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share", "share buttons"),
        ("Share this: Twitter", "share buttons"),
        ("Facebook", "share buttons"),
        ("Twitter | Facebook | WhatsApp", "share buttons"),
        ("comments", "comments"),
        ("12 Comments", "comments"),
        ("Leave A Reply", "comment form"),
        ("Your email address will not be published.", "comment form"),
        ("- Advertisement -", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Our site uses cookies to give you the best experience. Accept", "cookie notice"),
        ("Get instant alerts on your phone, subscribe now.", "subscription notice"),
        ("Sign up for our newsletter and never miss a story", "subscription notice"),
        ("Follow our live blog on the summit here", "live blog link"),
        ("You've selected the International Edition.", "edition picker"),
        ("Do you want to set it as your preferred edition?", "edition picker"),
        ("YES | NO", "edition picker"),
        ("Other news", "related links header"),
        ("Most read in harbour news", "related links header"),
        ("You might also like...", "related links header"),
        ("More In Harbour News", "related links header"),
        ("Don't miss", "related links header"),
        ("By Anna Kask", "byline"),
        ("By Anna Kask and Mart Tamm | Harbour News", "byline"),
        ("• by Anna Kask", "byline"),
        ("By Anna Kask on Monday, March 4th, 2024 at 9:40 a.m.", "byline"),
        ("By Mart Tamm - Harbour News Contributor 2024-03-04T12:48:14Z Ports", "byline"),
        ("Read also:", "related links header"),
        ("video 1/3", "video marker"),
        ("wideo 2/4", "video marker"),
        ("© 2024 Baltic Wire. All rights reserved.", "copyright"),
        # a list of share buttons, bullets and all
        ("• Facebook", "share buttons"),
        ("• Pinterest", "share buttons"),
        ("· Flipboard", "share buttons"),
        # story lines that mention the same words must stay
        ("The minister said the website uses cookies to track visitors.", None),
        ("Allies agreed to share the cost of the new air defence systems.", None),
        ("Comments by the spokesman were not available on Tuesday.", None),
        ("He told reporters to follow the live coverage of the vote.", None),
        ("More in sorrow than in anger, the harbour master closed the old ferry ramp.", None),
        ("By registering you agree to the terms of use", None),
        ("By Tuesday, the ferry will run again", None),
        ("By March, Tallinn harbour will reopen the ramp.", None),
        ("By 2030 the city will need two more ferries", None),
        ("Voters selected the new edition of the harbour guide as the best of the year.", None),
        ("Asked whether she would run again, Lepik answered yes | no comment.", None),
        ("Duda proposes a new air policing mission", None),
        ("• The ferry returns to the Tallinn route on Monday", None),
        ("", None),
    ],
)
def test_boilerplate_phrases(line: str, reason: str | None) -> None:
    assert match_boilerplate(line) == reason


@pytest.mark.parametrize(
    ("line", "outside", "outlet", "agencies"),
    [
        ("Source: Daily Courier", False, "Daily Courier", []),
        ("Źródło: Baltic Wire News in English, PAP", False, "Baltic Wire News in English", ["PAP"]),
        ("With information from AFP and EFE", False, None, ["AFP", "EFE"]),
        ("With reporting by Reuters", False, None, ["Reuters"]),
        ("Sources: Reuters, AP", False, None, ["Reuters", "AP"]),
        ("(EFE)", False, None, ["EFE"]),
        ("-- Reuters", False, None, ["Reuters"]),
        ("Baltic Wire News in English, PAP", True, "Baltic Wire News in English", ["PAP"]),
        ("Tartu Post-Gazette", True, "Tartu Post-Gazette", []),
        ("Reuters", True, None, ["Reuters"]),
        ("-- USA Today", True, "USA Today", []),
        ("The Associated Press contributed to this report.", False, None, ["AP"]),
        ("Anna Kask in Tallinn and Reuters contributed reporting.", False, None, ["Reuters"]),
    ],
)
def test_credit_lines(line: str, outside: bool, outlet: str | None, agencies: list[str]) -> None:
    credit = parse_credit_line(line, outside_body=outside)
    assert credit is not None
    assert credit.outlet == outlet
    assert credit.agencies == agencies


@pytest.mark.parametrize(
    ("line", "outside"),
    [
        ("Baltic Wire News in English, PAP", False),  # loose form only counts outside the story
        ("Reuters", False),
        ("Poland, Lithuania and Latvia", True),
        ("The president thanked Reuters and AFP for the question.", True),
        ("NATO Secretary General", True),
        ("Source of the tension: the border crossing at Kuźnica remains closed", False),
        ("She checked in today.", True),  # ends on an outlet word ("USA Today"), but is a sentence
        ("Testimony continues today.", True),
        ("Post-Match Interviews", True),  # an outlet word that opens a compound names no outlet
        ("Press-Ganged Into Service", True),
        ("Anna Kask contributed reporting from Tallinn.", False),  # a writer, no agency
        ("Many readers contributed to this report with photos, and the AP thanked them.", False),
    ],
)
def test_not_credit_lines(line: str, outside: bool) -> None:
    assert parse_credit_line(line, outside_body=outside) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Baltic Wire | Baltic Wire News in English", "Baltic Wire News in English"),
        ("Daily Courier | World", "Daily Courier"),
        ("NATO | Kallas", None),
        ("Home | World", None),
        ("He said: the choice is simple | and hard", None),
    ],
)
def test_banner(line: str, outlet: str | None) -> None:
    assert parse_banner(line) == outlet


@pytest.mark.parametrize(
    ("line", "text", "photographers", "agencies"),
    [
        ("The prime minister greets the delegation in Tallinn (REUTERS / Marta Kowal)",
         "The prime minister greets the delegation in Tallinn", ("Marta Kowal",), ("Reuters",)),
        ("Soldiers unload a Patriot battery near the border (Photo: AFP/Jonas Lind)",
         "Soldiers unload a Patriot battery near the border", ("Jonas Lind",), ("AFP",)),
        ("The two leaders shake hands at the palace (Ria Press/Ivan Sorokin/Kremlin via REUTERS)",
         "The two leaders shake hands at the palace", ("Ivan Sorokin",), ("Reuters",)),
    ],
)
def test_captions(line: str, text: str, photographers: tuple[str, ...], agencies: tuple[str, ...]) -> None:
    caption = find_caption(line)
    assert caption is not None
    assert caption.text == text
    assert caption.photographers == photographers
    assert caption.agencies == agencies


@pytest.mark.parametrize(
    "line",
    [
        "Poland (a country bordering Belarus) plans to spend more on defence.",
        "The talks were confirmed by the agency (Reuters).",
        "“We will not be intimidated,” the minister said (AFP).",
        "The group includes nine states (Poland, Romania, Latvia and others)",
        "Short line (AFP)",
    ],
)
def test_not_captions(line: str) -> None:
    assert find_caption(line) is None


@pytest.mark.parametrize(
    ("line", "credit", "photographers", "agencies", "story"),
    [
        ("Photograph: Marta Kask/AP Rescue teams reached the village before dawn on Monday.",
         "Marta Kask/AP", ("Marta Kask",), ("AP",), "Rescue teams reached"),
        ("Photograph: Ivo Saar/AFP/Getty Images Tamm, the harbour master, said the port stays shut.",
         "Ivo Saar/AFP/Getty Images", ("Ivo Saar",), ("AFP", "Getty Images"), "Tamm, the harbour"),
        ("Photograph: KPA/Zuma/Rex Features The ferry was towed back to port overnight.",
         "KPA/Zuma/Rex Features", (), (), "The ferry was"),
        ("Photograph: Reuters It was the third storm of the winter.", "Reuters", (), ("Reuters",), "It was"),
        ("Picture: Associated Press We drove north along the coast road.",
         "Associated Press", (), ("AP",), "We drove"),
        ("Photo: Lena Vaher We had heard the sirens long before the water came.",
         "Lena Vaher", ("Lena Vaher",), (), "We had heard"),
        ("Photograph: Anna Berg for the Herald Kivi, the mayor, walked the flooded streets.",
         "Anna Berg for the Herald", ("Anna Berg",), (), "Kivi, the mayor"),
        ("Photograph: JAAN LEPIK/REUTERS The bridge reopened on Friday after repairs.",
         "JAAN LEPIK/REUTERS", ("Jaan Lepik",), ("Reuters",), "The bridge reopened"),
        ("Photograph: Karl T. Saar/EPA Shares in the ferry company fell sharply today.",
         "Karl T. Saar/EPA", ("Karl T. Saar",), ("EPA",), "Shares in the"),
        ("Photograph: Rein McKask/pool/EPA Here's what the inspectors found under the ramp.",
         "Rein McKask/pool/EPA", ("Rein McKask",), ("EPA",), "Here's what"),
        ("Photograph: Tiina Lepik/Harbour Office The harbour was closed to ferries for a week.",
         "Tiina Lepik/Harbour Office", ("Tiina Lepik",), (), "The harbour was"),  # no desk; a sentence opens
        ("Photograph: Public Domain The old harbour in a print from 1890 hangs in the museum.",
         "Public Domain", (), (), "The old harbour"),
    ],
)
def test_a_photo_credit_glued_to_the_story(line: str, credit: str, photographers: tuple[str, ...],
                                           agencies: tuple[str, ...], story: str) -> None:
    found = glued_credit(line)
    assert found is not None
    start, caption = found
    assert line[start:].startswith(story)
    assert (caption.credit, caption.photographers, caption.agencies) == (credit, photographers, agencies)


@pytest.mark.parametrize(
    "line",
    [
        "Photo: A rescue worker carries a child through the flooded street of the old town",  # a caption
        "Photo: Marta Kask, AP",  # a whole credit line: find_caption's
        "Photos: Ten years of the harbour festival",
        "Photograph: Ivo Saar/Vestra Broadcasting Kivi, the mayor, walked the flooded streets.",  # unknown desk
        "Picture this: a city where nobody needs a car to get to work.",
        "Photography: how the harbour was shot from the air over ten years.",
        "The photo: Kask said it was taken before the storm reached the coast.",
    ],
)
def test_lines_without_a_glued_photo_credit(line: str) -> None:
    assert glued_credit(line) is None


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("By the Vestra Wire Staff Ferries sail again from the north quay.", "Ferries sail"),
        ("By the Harbour News Wires Staff NEW: two more cranes arrive", "NEW: two"),
        ("By Anna Kask Business reporter Shares in the ferry company fell.", "Shares in"),
        # no credit run into a story: nothing changes
        ("By the Vestra Wire Staff", None),  # a whole line: the byline pattern's
        ("By Tuesday staff had left the harbour office.", None),
        ("By then the Vestra staff had gone home.", None),
        ("By Friday the reporters were back on the quay.", None),
        ("By Anna Kask and Mart Tamm The ferries sail again.", None),  # no role: where the names end is unclear
    ],
)
def test_a_staff_byline_glued_to_the_story(line: str, rest: str | None) -> None:
    end = glued_byline_end(line)
    assert (line[end:] if end else None) == (line[line.index(rest):] if rest else None)


@pytest.mark.parametrize(
    ("line", "date", "rest"),
    [
        (" date 2024-03-14 The alliance said on Thursday that", "2024-03-14", "The alliance"),
        ("Published: 14.03.2024 10:45 The ministers met", "2024-03-14", "The ministers"),
        ("The alliance said on 2024-03-14 that", None, None),
        # a wire page's place and time stamp before its dateline
        ("LISBON | Mon Mar 3, 2025 9:14 am EDT LISBON (Reuters) - Ferrovia said", "2025-03-03", "LISBON (Reuters)"),
        ("NEW YORK/LONDON | Tue Mar 4, 2025 11:52 pm GMT NEW YORK (Reuters) - Oil", "2025-03-04", "NEW YORK (Reuters)"),
        # a bar in running text, a name in mixed case: no stamp
        ("VARNA, Kivania | Wed Mar 5, 2025 6:29 pm EST VARNA, Kivania (Reuters) - Rebels", "2025-03-05",
         "VARNA, Kivania (Reuters)"),
        ("TALLINN, March 2 | Sun Mar 2, 2025 7:26 am EST TALLINN, March 2 (Reuters) - The", "2025-03-02",
         "TALLINN, March 2 (Reuters)"),
        # the stamp without its place: weekday, time and zone before the dateline
        ("Sat Mar 8, 2025 4:36 pm EST (Reuters) - Armed patrols alone will not", "2025-03-08", "(Reuters) -"),
        ("Tue Mar 4, 2025 6:36 pm EST TALLINN (Reuters) - The ferry", "2025-03-04", "TALLINN (Reuters)"),
        # a bar in running text, a name in mixed case: no stamp
        ("Lisbon | Mon Mar 3, 2025 9:14 am the ferries stopped", None, None),
        ("FERRIES | LISBON The ferries stopped on Mon Mar 3, 2025", None, None),
        ("Tue Mar 4, 2025 was the day the ferries stopped running.", None, None),
        ("Tue Mar 4, 2025 6:36 pm was when the ferries stopped running.", None, None),
    ],
)
def test_date_prefix(line: str, date: str | None, rest: str | None) -> None:
    found, end = date_prefix(line)
    assert found == date
    if rest:
        assert line[end:].startswith(rest)


@pytest.mark.parametrize(
    ("line", "headline", "date", "rest"),
    [
        ("Analysis: Kivania may face a long winter TALLINN | Mon Feb 21, 2025 12:47 pm EST TALLINN (Reuters) - The",
         "Analysis: Kivania may face a long winter", "2025-02-21", "TALLINN (Reuters) - The"),
        ("Ferry talks stall, Lepik says VARNA/TALLINN | Fri Feb 25, 2025 6:36 pm EST VARNA (Reuters) - Talks",
         "Ferry talks stall, Lepik says", "2025-02-25", "VARNA (Reuters) - Talks"),
        # must not change: a stamp at the start (date_prefix's), no stamp, a bar in running text
        ("TALLINN | Mon Feb 21, 2025 12:47 pm EST TALLINN (Reuters) - The ferry", None, None, None),
        ("The ferry talks stalled in Tallinn on Mon Feb 21, 2025 at 12:47 pm, officials said.", None, None, None),
        ("Ferry talks stall | Mon Feb 21, 2025 the ferries stopped", None, None, None),
    ],
)
def test_a_headline_run_together_with_a_wire_stamp(line: str, headline: str | None, date: str | None,
                                                    rest: str | None) -> None:
    found = headline_stamp(line)
    if headline is None:
        assert found is None
        return
    assert found is not None
    head, stamp, start = found
    assert (line[:head], stamp) == (headline, date)
    assert line[start:].startswith(rest)


_WIRE_LEAD = ("TALLINN (Reuters) - The Kivanian ferry operator Vestra Lines said on Monday it would resume "
              "sailings to Lepik island after a week of repairs to the harbour ramp.")
_STAMP = "TALLINN | Mon Mar 3, 2025 9:14 am EST "
_WIRE_REST = ("Engineers replaced two damaged mooring posts and checked the ramp, a spokeswoman for the operator "
              "said, adding that no passenger had been hurt when the ramp failed.")


@pytest.mark.parametrize(("first_line", "given_title", "title"), [
    # a feed that gives the page's first line (stamp, dateline, lead) as its title
    (_STAMP + _WIRE_LEAD, (_STAMP + _WIRE_LEAD)[:80], _WIRE_LEAD[len("TALLINN (Reuters) - "):]),
    # the same first line under a given headline: the headline stays
    (_STAMP + _WIRE_LEAD, "Vestra ferries to sail again", "Vestra ferries to sail again"),
    # the page's headline run together with the stamp heads the text
    ("Vestra ferries to sail again " + _STAMP + _WIRE_LEAD, None,
     "Vestra ferries to sail again"),
    # key points run together before the story: the first heads the page
    ("* Vestra ferries to sail again * Ramp repaired " + _WIRE_LEAD, "* Vestra ferries to sail again * Ramp re",
     "Vestra ferries to sail again"),
])
def test_a_wire_page_opens_once_with_its_lead(first_line: str, given_title: str | None, title: str) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    page = first_line + "\n" + _WIRE_REST + "\n"
    article = clean_document(RawDocument(source="a", path="a.txt", text=page, title=given_title, format="txt"))
    assert article.title == title
    assert article.text.count("sailings to Lepik island") == 1  # the lead once, not as a title again
    assert "9:14 am" not in article.text and "Engineers replaced" in article.text
    assert article.credits == ["Reuters"] or first_line.startswith("*")
    assert article.published == (None if first_line.startswith("*") else "2025-03-03")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: 29.06.2023 10:45", "2023-06-29"),
        ("Published: May 17, 2023 - 14:20", "2023-05-17"),
        ("Posted on 2 June 2024 | 08:15 CET", "2024-06-02"),
        ("June 29, 2023", "2023-06-29"),
        ("Updated Thursday, 14 March 2024 at 09:12 CET", "2024-03-14"),
        ("2024-03-14", "2024-03-14"),
        ("Published on March 14, 2024", "2024-03-14"),
        ("17 September 2013 - 21: 29", "2013-09-17"),  # a scraper's space after the colon
        ("He met the president on June 29, 2023 in Vilnius.", None),
        ("date", None),
        ("March 14", None),  # no year: not a stated publication date
    ],
)
def test_date_line(line: str, date: str | None) -> None:
    assert date_line(line) == date


@pytest.mark.parametrize(
    ("line", "place", "date", "agency"),
    [
        ("WARSAW, March 14, 2024 (PAP) - The president said", "WARSAW", "March 14, 2024", "PAP"),
        ("VILNIUS, June 2 (Reuters) - Lithuania's leader", "VILNIUS", "June 2", "Reuters"),
        ("TALLINN, Estonia (Reuters) -- The minister said", "TALLINN", "Estonia", "Reuters"),  # a double dash
        ("The president said in Warsaw (PAP) that", None, None, None),
    ],
)
def test_dateline(line: str, place: str | None, date: str | None, agency: str | None) -> None:
    dateline = parse_dateline(line)
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)
    assert line[dateline.end:][:1].isupper() if place else dateline.end == 0  # the story's words start there


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Sojusznicy potępiają działania reżimu na granicy z Polską", "pl"),
        ("Pozostałe wiadomości", "pl"),
        ("Stoltenberg said the allies condemn the regime at the border", None),
        ("Duda proposes increasing readiness", None),
        ("Facebook", None),
        ("NATO", None),
    ],
)
def test_foreign_lines(line: str, lang: str | None) -> None:
    assert foreign_line(line, "en") == lang


@pytest.mark.parametrize(
    ("line", "sentence", "headline"),
    [
        ("The ministers agreed on Tuesday to send more air defence systems to the east.", True, True),
        ("Kallas: “We will not blink first”", False, True),
        ("Share", False, False),
        ("and then the talks went on for hours, the spokesman said,", True, False),
    ],
)
def test_line_shapes(line: str, sentence: bool, headline: bool) -> None:
    assert looks_like_sentence(line) is sentence
    assert looks_like_headline(line) is headline


@pytest.mark.parametrize(("name", "canonical"), [
    ("Agence France-Presse", "AFP"),
    ("Agence - France Presse", "AFP"),  # a tokeniser's spaces around the hyphen
    ("The Associated Press", "AP"),
    ("(Reuters)", "Reuters"),
    ("NATO", None),
    ("France", None),
])
def test_agency_names(name: str, canonical: str | None) -> None:
    assert agency(name) == canonical


_BODY = ("The harbour authority said on Tuesday that the ferry service would resume after a week of repairs, "
         "and that the timetable would return to normal by the end of the month.\n"
         "Engineers replaced two damaged mooring posts and checked the ramp, a spokeswoman for the authority said, "
         "adding that no passenger had been hurt when the ramp failed.\n")


@pytest.mark.parametrize(("header", "published"), [
    # a garbled date line above the story is still the page's date
    ("Ferry service to resume\n14 Mar 2024 | 08 h 15 | Harbour news\n", "2024-03-14"),
    ("Ferry service to resume\nThursday 14 March 2024 - Local - 2 min read\n", "2024-03-14"),
    # nothing that dates the page: nothing guessed
    ("Ferry service to resume\nHarbour news | Local\n", None),
])
def test_a_date_above_the_story_dates_the_page(header: str, published: str | None) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    article = clean_document(RawDocument(source="a", path="a.txt", text=header + _BODY, format="txt"))
    assert article.published == published
    assert "Harbour news" not in article.text and "Engineers replaced" in article.text


@pytest.mark.parametrize(("page", "published"), [
    # the writer's credit above the story dates the page, and goes
    ("Ferry service to resume\nBy Anna Kask | March 3, 2024\n" + _BODY, "2024-03-03"),
    # a teaser's credit below it does not
    ("Ferry service to resume\n" + _BODY + "By Mart Tamm | February 3, 2021\n", None),
])
def test_a_byline_above_the_story_dates_the_page(page: str, published: str | None) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    article = clean_document(RawDocument(source="a", path="a.txt", text=page, format="txt"))
    assert article.published == published
    assert "Kask" not in article.text and "Tamm" not in article.text and "Engineers replaced" in article.text


def test_a_staff_byline_run_into_the_lead_goes_and_the_lead_stays() -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    lead = "Ferries sail again from the north quay after a week in which the harbour stood still, the city said."
    page = f"Ferry service to resume\nBy the Vestra Wire Staff {lead}\n" + _BODY
    article = clean_document(RawDocument(source="a", path="a.txt", text=page, format="txt"))
    assert "Wire Staff" not in article.text and lead in article.text
    assert any(r.reason == "byline" and "Wire Staff" in r.line for r in article.removed)


def test_a_date_below_the_story_does_not_date_it() -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    text = "Ferry service to resume\n" + _BODY + "More news | 3 Feb 2021 | Bridge closed\n"
    assert clean_document(RawDocument(source="a", path="a.txt", text=text, format="txt")).published is None


@pytest.mark.parametrize(("tail", "kept"), [
    # a comment thread under the story: its stamps, and everything from the first one down, go
    ("Harbour watcher March 15, 2024 at 9:12 am | Reply The captain should answer for this.\n"
     "Anna Lepik said the same last year.\n"
     "March 15, 2024 at 10:40 PM | Reply Agreed.\n", False),
    # a time and a bar in the story itself are no comment
    ("The ferry leaves at 9:15 | Tallinn harbour said Reply times would be posted.\n", True),
    # a stamp that opens the line, without "Reply"
    ("March 15, 2024 at 9:12 am | Anna Lepik said the same last year.\n", False),
    # a forum's "wrote:" stamp
    ("At 9:12 am on 15 Mar 2024, harbourwatcher wrote: Anna Lepik said the same last year.\n", False),
    ("At 10:40 on 15th March 2024, Kask wrote: Anna Lepik said the same last year.\n", False),
    # a thread's header, a numbered commenter
    ("12 responses to “Ferry service to resume”\nharbourwatcher: Anna Lepik said the same last year.\n", False),
    ("5 thoughts on \"Ferry service to resume\"\nAnna Lepik said the same last year.\n", False),
    ("12. harbourwatcher says:\nAnna Lepik said the same last year.\n", False),
    # a story line that opens the same way is no header: the quotation does not close the line
    ("One response to “the new timetable” came from Tallinn harbour said a union leader.\n", True),
    ("Tallinn harbour said the minister says: the ferry is safe.\n", True),
    # a story sentence that opens with a time and a date and has someone write is no stamp
    ("At 9:12 am on 15 March 2024 the harbour master wrote to the ministry; Tallinn harbour said so.\n", True),
])
def test_readers_comments_below_the_story_are_removed(tail: str, kept: bool) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    article = clean_document(RawDocument(source="a", path="a.txt", text="Ferry service to resume\n" + _BODY + tail,
                                         format="txt"))
    assert "Engineers replaced" in article.text
    assert ("Lepik said the same" in article.text or "Tallinn harbour said" in article.text) is kept
    if not kept:
        assert {r.reason for r in article.removed} >= {"readers' comments"}


_FURNITURE = "Harbour news\nWeather\nSport\nCulture\nMost popular\nNewsletters\nPodcasts\nContact us\n"


@pytest.mark.parametrize(("page", "kept"), [
    # a teaser sentence below a run of page furniture is another story's, not this one's
    (_BODY + _FURNITURE + "Lighthouse keepers in Saaremaa vote to strike over a new rota next winter.\n", False),
    (_FURNITURE + "Lighthouse keepers in Saaremaa vote to strike over a new rota next winter.\n" + _FURNITURE + _BODY,
     False),
    # furniture the line rules removed (share buttons, a comment count) still parts the story from a teaser
    (_BODY + "Share\nFacebook\nTwitter\nEmail\nPrint\n12 Comments\n"
     + "Lighthouse keepers in Saaremaa vote to strike over a new rota next winter.\n", False),
    # a teaser cut off in mid-word is a link to another story
    (_BODY + "Lighthouse keepers in Saaremaa say the new rota leaves two of them alone on the island all wi...\n",
     False),
    (_BODY + "Lighthouse keepers in Saaremaa say the new rota leaves two of them alone on the island all wi…\n",
     False),
    # a list the story introduces with a colon is the story's, up to the page's furniture
    (_BODY + "The new timetable:\nMonday -- Tallinn 08:00\nWednesday -- Tallinn 12:00\nFriday -- Tallinn 18:00\n"
     + "Share\nFacebook\nTwitter\nEmail\nPrint\nLighthouse keepers in Saaremaa vote to strike\n", False),
    # a sub-heading between paragraphs keeps the story whole
    (_BODY + "Repairs ahead of schedule\n"
     + "Lighthouse keepers in Saaremaa said the new rota would start once the ferry was back next winter.\n", True),
])
def test_sentences_beyond_the_page_furniture_are_not_the_story(page: str, kept: bool) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    article = clean_document(RawDocument(source="a", path="a.txt", text="Ferry service to resume\n" + page,
                                         format="txt"))
    assert "Engineers replaced" in article.text and "Contact us" not in article.text
    assert ("Lighthouse keepers in Saaremaa" in article.text) is kept
    assert ("Wednesday -- Tallinn" in article.text) is ("The new timetable:" in page)


_LISTING = ("Weather\nLighthouse keepers in Saaremaa vote to strike\n"
            "Lighthouse keepers in Saaremaa say the new rota leaves two of them alone on the island all winter\n"
            "32M ago\nBridge closed\nThe old bridge to Muhu stays closed after the storm damaged its railings\n"
            "updated 2H ago\n")


@pytest.mark.parametrize(("page", "kept"), [
    # a listing's teasers stamped with relative times are other stories: no story runs across a stamp
    (_BODY + _LISTING, False),
    (_LISTING + _BODY, False),
])
def test_a_listing_stamped_with_relative_times_is_not_the_story(page: str, kept: bool) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    article = clean_document(RawDocument(source="a", path="a.txt", text="Ferry service to resume\n" + page,
                                         format="txt"))
    assert "Engineers replaced" in article.text and "32M ago" not in article.text
    assert ("Lighthouse keepers in Saaremaa say" in article.text) is kept


@pytest.mark.parametrize(("above", "caption_text"), [
    # the caption above the glued credit goes with it
    ("Ferry service to resume\nThe damaged ramp at the harbour on Monday.\n",
     "The damaged ramp at the harbour on Monday."),
    # a headline above it (no full stop) is not a caption and stays the title
    ("Ferry service to resume\n", ""),
])
def test_a_photo_credit_glued_to_the_story_goes_with_its_caption(above: str, caption_text: str) -> None:
    from storyline.clean import clean_document
    from storyline.records import RawDocument

    page = above + "Photograph: Marta Kask/AP " + _BODY
    article = clean_document(RawDocument(source="a", path="a.txt", text=page, format="txt"))
    assert article.title == "Ferry service to resume"
    assert "Marta Kask" not in article.text and "Photograph" not in article.text
    assert article.text.split("\n\n")[1].startswith("The harbour authority said on Tuesday")
    [caption] = article.captions
    assert (caption.text, caption.photographers, caption.agencies) == (caption_text, ("Marta Kask",), ("AP",))
    assert {r.reason for r in article.removed} >= {"photo credit"}
    assert ("photo caption" in {r.reason for r in article.removed}) == bool(caption_text)
    # the story's first word still points at its place in the raw page, after the credit
    start = OffsetMap(article.offsets).to_raw(article.text.index("The harbour authority"))
    assert page[start:].startswith("The harbour authority")
