"""Language identification for articles and single lines (py3langid, model in the package)."""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Below this probability a line's language is not trusted enough to remove it.
LINE_CONFIDENCE = 0.9
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_EN_STOPWORDS = frozenset(
    "the a an of to in on and or for with by from at as is are was were be been has have had that this it its "
    "he she they we you his her their our not but will would said says".split()
)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """``(language code, probability)`` of ``text``."""
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


def article_language(lines: list[str]) -> str | None:
    """The language of the longest lines together (boilerplate lines are short)."""
    body = sorted((ln for ln in lines if len(ln.split()) >= 6), key=len, reverse=True)[:30]
    sample = "\n".join(body) or "\n".join(lines)
    if len(_LETTERS.findall(sample)) < 3:
        return None
    return identify(sample)[0]


def foreign_line(line: str, article_lang: str | None) -> str | None:
    """The language of ``line`` when it is confidently not ``article_lang``."""
    if not article_lang:
        return None
    words = _LETTERS.findall(line)
    if len(words) < 2:
        return None
    if article_lang == "en" and sum(w.lower() in _EN_STOPWORDS for w in words) >= 2:
        return None
    lang, prob = identify(line)
    if lang != article_lang and prob >= LINE_CONFIDENCE:
        return lang
    return None
