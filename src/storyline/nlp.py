"""The NLP stage: sentences and entity mentions from spaCy.

Only the sentence recogniser and the entity recogniser run at ingest (about
twice as fast as the full pipeline); later stages run the parser on the few
sentences that need it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.config import SPACY_MODEL, SPACY_MODEL_INSTALL
from storyline.errors import ModelError
from storyline.records import AnalysedArticle, CleanArticle, Mention, Sentence

#: Components left out at ingest: ``senter`` and ``ner`` are all it needs.
INGEST_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def load_nlp(exclude: tuple[str, ...] = INGEST_EXCLUDE):  # noqa: ANN201 - spacy.Language
    """The English pipeline, loaded once per process."""
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL, exclude=list(exclude))
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy model {SPACY_MODEL!r} ({exc}); install it with `{SPACY_MODEL_INSTALL}`",
            code="E301",
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


#: An article in another language gets no entity mentions or quotations from the English model
#: once it is this long; py3langid names the language of a ten-word headline wrongly about one time
#: in twelve ("Stock Market News for March 10" as Nigerian Pidgin), so a shorter text stays English.
FOREIGN_MIN_WORDS = 50


def read_in_english(article: CleanArticle) -> bool:
    """Whether the English model's entities and quotations apply to ``article``: it is in English,
    its language is unknown, or it is too short for the language to be sure. A German or Russian
    page read by the English model gives people such as "Sämtliche Daten" and no true one."""
    return article.language in (None, "en") or article.words < FOREIGN_MIN_WORDS


def analyse(articles: Sequence[CleanArticle], *, batch_size: int = 16) -> list[AnalysedArticle]:
    """Sentences and entity mentions for each article, offsets into its clean text (no mentions
    for an article in another language: :func:`read_in_english`)."""
    nlp = load_nlp()
    out = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        sentences = [piece for s in doc.sents for piece in split_at_breaks(article.text, s.start_char, s.end_char)]
        mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents] \
            if read_in_english(article) else []
        out.append(AnalysedArticle(article=article, sentences=sentences, mentions=mentions))
    return out


def split_at_breaks(text: str, start: int, end: int) -> list[Sentence]:
    """A sentence of the model cut at line breaks, trimmed: the model runs a sentence on across a
    paragraph break ("... in Brussels\n\nNATO Secretary General ..."), but in clean text a line
    break always ends a sentence (a title, a paragraph). Empty pieces are dropped."""
    out = []
    for m in _LINE.finditer(text, start, end):
        lo, hi = m.start(), m.end()
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            out.append(Sentence(lo, hi))
    return out


_LINE = re.compile(r"[^\n]+")
