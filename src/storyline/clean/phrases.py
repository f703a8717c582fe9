"""Known boilerplate, as data: each entry is a name and a whole-line pattern.

A pattern must match the *whole* line (after stripping), so a story sentence
that merely mentions cookies or sharing is never removed. The name becomes the
reason shown by ``storyline show``.
"""

from __future__ import annotations

import re

_BOILERPLATE: list[tuple[str, str]] = [
    ("share buttons", r"(share|share this|share on|share article|share this article|tweet|pin it|print|email|e-mail"
                      r"|whatsapp|telegram|facebook|twitter|linkedin|reddit|copy link|x \(twitter\)"
                      r"|pinterest|flipboard|tumblr|google\+|stumbleupon|pocket|messenger|sms|copy|mix|vk|xing|blogger)"
                      r"(\s*[:|/,]\s*(facebook|twitter|linkedin|whatsapp|telegram|email|e-mail|reddit|print|x))*"
                      r"\s*:?\s*(facebook|twitter|linkedin|whatsapp|telegram|email|print)?"),
    ("share buttons", r"share this:?.{0,40}"),
    ("comments", r"(\d+\s+)?(comments?|add comment|post a comment|view comments|show comments|\d+ comments?)"),
    ("comment form", r"leave a (reply|comment)|your email address will not be published\.?.{0,80}"
                     r"|required fields are marked.{0,20}|cancel reply|post comment|submit comment"),
    ("advertisement", r"[-–—\s]*(advertisement|advertising|sponsored( content)?|ad|publicidad|reklama|pubblicità)[-–—\s]*"),
    # a cookie notice names cookies *and* asks for something (consent, settings, opting out)
    ("cookie notice", r"(?=.*\bcookies?\b)(?=.*\b(accept|consent|opt-?out|privacy|your experience|settings"
                      r"|browsing|agree)\b).{10,600}"),
    ("subscription notice", r".{0,120}\b(subscribe now|subscribe to our newsletter|sign up for our newsletter"
                            r"|get real[- ]time updates|turn on notifications|download (our|the) app)\b.{0,120}"),
    ("live blog link", r"(follow|read|see) (our|the) live (blog|coverage|updates)\b.{0,80}"),
    ("related links header", r"(other news|related news|related (articles?|stories|posts|tags|topics|coverage)|related"
                             r"|read (also|more|next)|see also|more news|more (from|in|on) .{1,40}"
                             r"|most (read|popular|viewed|shared)( in .{1,40})?|top stories( in .{1,40})?"
                             r"|recommended( for you| articles| stories)?|we recommend|you (may|might) also like"
                             r"|also read|latest news|trending( now)?|don'?t miss|editor'?s picks)\s*(:|\.\.\.|…)?"),
    ("video marker", r"(video|wideo|vídeo|vidéo|видео)\s*\d+\s*/\s*\d+"),
    ("navigation", r"(home|menu|search|log ?in|sign ?in|sign ?up|register|skip to (main )?content|back to top"
                   r"|next article|previous article|close|open menu|toggle navigation)"),
    ("copyright", r"(©|\(c\)|copyright)\s.{0,120}|all rights reserved\.?"),
    ("tags", r"(tags?|topics?|categories)\s*:.{0,200}"),
    # the writer's credit: "By Anna Kask", "By Anna Kask and Mart Tamm | Harbour News", "by Anna Kask on March 3, 2024";
    # names in capitals and no day first, so "By registering you agree …" and "By Tuesday, the ferry …" stay
    ("byline", r"(?-i:[Bb]y)\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:the|this|that|then|now|noon|night)\b"
               r"|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)"
               r"(?-i:[A-Z][\w.'’-]*)(?:\s*(?:,|&|and)?\s+(?-i:[A-Z][\w.'’-]*)){0,5}"
               r"(?:\s*(?:[|@–—-]|\s(?:on|for)\s|\s\d{4}-\d\d).{0,140})?"),
    ("image credit", r"(photo|image|foto|picture|pic|credit)s?\s*:.{0,120}"),
    # a site's choice of edition: which edition the reader is on, whether to keep it, and the two buttons
    ("edition picker", r"you(?:'|’)?ve (?:selected|chosen) the .{2,30} edition\.?"
                       r"|(?:would you like|do you want) to (?:make|set) (?:this|it) (?:as )?your (?:default|preferred"
                       r"|home) edition\??|yes\s*\|\s*no"),
    ("accept button", r"(accept|accept all|reject|reject all|read more|learn more|ok|got it|agree|i agree)"
                      r"(\s+(accept|reject|read more|learn more|all))*"),
]

BOILERPLATE = [(name, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for name, pattern in _BOILERPLATE]

#: A reader's comment's stamp: the thread below an article, from the line that holds the first
#: stamp to the end, is the readers', not the outlet's. Five forms: "March 15, 2024 at 9:12 am
#: | Reply" anywhere in a line; a line opening with "March 15, 2024 at 9:12 am |"; a line
#: opening with "At 9:12 am on 15 Mar 2024, reader42 wrote:"; a thread's header "12 responses
#: to “Title”" (or "5 thoughts on “Title”"); a numbered commenter "12. harbourwatcher says:".
COMMENT_STAMP = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*\|\s*Reply\b"
    r"|^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? at \d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*\|"
    r"|^At \d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?,? (?:on )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.? \d{4}, "
    r"[^,:]{1,60} wrote:"
    r"|^(?i:\d{1,4}|one|no)\s+(?i:responses?|thoughts?|comments?|replies)\s+(?i:to|on)\s+"
    r"[“\"‘'«][^“”\"»]{1,300}[”\"’'»]:?$"
    r"|^\d{1,4}\.\s+\S[^!?]{0,40}\ssays:$")

#: Headers after which a list of link headlines follows (removed up to the next sentence).
RELATED_HEADERS = {"related links header"}


#: A list item's bullet: "• Facebook" is the share button "Facebook".
_BULLET = re.compile(r"^[•·▪●◦‣∙*]\s*")


def match_boilerplate(line: str) -> str | None:
    """The name of the boilerplate ``line`` is, or ``None``."""
    stripped = _BULLET.sub("", line.strip())
    if not stripped or len(stripped) > 600:
        return None
    for name, pattern in BOILERPLATE:
        if pattern.match(stripped):
            return name
    return None


#: a staff credit the scraper ran into the story's first words: "By the Vestra Wire Staff The ferries …",
#: "By Anna Kask Business reporter Ferries …"; whole-line credits are the ``byline`` pattern's
_GLUED_BYLINE = re.compile(
    r"By\s+(?:the\s+(?:[A-Z][\w.&'’-]*\s+){1,3}[Ww]ires?\s+[Ss]taff(?:\s+(?:[Rr]eporters?|[Ww]riters?))?"
    r"|(?:[A-Z][\w.'’-]+\s+){2,3}[A-Z][a-z]+\s+(?:reporter|correspondent|writer|editor))\s+(?=[A-Z“\"‘'`])")


def glued_byline_end(line: str) -> int:
    """Where the story starts after a staff credit run into it at the line's start; 0 when there is none."""
    m = _GLUED_BYLINE.match(line.lstrip())
    return m.end() + len(line) - len(line.lstrip()) if m else 0
