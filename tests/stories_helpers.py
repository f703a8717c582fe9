"""Hand-made article features for the stories tests (no spaCy): mentions found by string search."""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.records import Mention, Sentence
from storyline.stories import ArticleFeatures
from storyline.timex import tag


def article(aid: str, title: str, body: str, *, published: str | None = None, outlet: str | None = None,
            people: tuple[str, ...] = (), places: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> ArticleFeatures:
    """An article whose text is ``title`` + newline + ``body``, split into sentences at ". "."""
    text = f"{title}\n{body}"
    sentences = [Sentence(0, len(title))]
    for m in re.finditer(r"[^.!?]+[.!?]+[”\"]?", body):
        start = len(title) + 1 + m.start() + (len(m.group()) - len(m.group().lstrip()))
        sentences.append(Sentence(start, len(title) + 1 + m.end()))
    mentions: list[Mention] = []
    named = [(n, "PERSON") for n in people] + [(n, "GPE") for n in places] + [(n, "ORG") for n in orgs]
    for name, label in sorted(named, key=lambda x: -len(x[0])):  # "Andrzej Duda" before "Duda"
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(o.start <= m.start() < o.end for o in mentions):
                mentions.append(Mention(m.start(), m.end(), name, label))
    mentions.sort(key=lambda m: m.start)
    return ArticleFeatures(id=aid, text=text, title=title, published=published, sentences=sentences,
                           mentions=mentions, timexes=tag(text, published), outlet=outlet)


def reports(title: str, rest: str, **names: tuple[str, ...]) -> Callable[[str, str], ArticleFeatures]:
    """A maker of reports of one kind of event: ``make(aid, lead)`` opens on its own lead, then
    the same title, body and names (``people``, ``places``, ``orgs``) as :func:`article` takes."""
    def make(aid: str, lead: str) -> ArticleFeatures:
        return article(aid, title, f"{lead} {rest}", **names)
    return make
