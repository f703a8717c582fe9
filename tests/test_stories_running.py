"""A store that follows one running story: every article names the same people and the same city.

What tells its events apart is what else the articles say, so a word the whole store uses must
weigh little however rare it is in English, and sharing the store's people and city must not
carry a join on its own.
"""

from __future__ import annotations

import pytest
from stories_helpers import article

from storyline.stories import StoryIndex, StoryParams, extract_event, text_features
from storyline.stories.terms import DocumentFrequencies


def _store(docs: int, each: dict[str, int], priors: dict[str, float]) -> DocumentFrequencies:
    """Document frequencies of a store of ``docs`` articles in which ``each[term]`` hold the term."""
    dfs = DocumentFrequencies()
    for i in range(docs):
        dfs.add([t for t, n in each.items() if i < n] + [f"only{i}"], priors)
    return dfs


@pytest.mark.parametrize(("docs", "term", "held_by", "prior", "low", "high"), [
    # a name rare in English but in eight of the store's ten articles: common here
    (10, "e:stoltenberg", 8, 0.0, 0.0, 0.40),
    # "said" in a store of two articles: the English prior keeps it common
    (2, "said", 2, 0.99, 0.0, 0.05),
    # a word both articles of a two-article store hold is not common yet: one more may never hold it
    (2, "earthquake", 2, 0.0, 0.60, 1.0),
])
def test_a_word_the_store_shares_weighs_less_than_one_article_s_own(
        docs: int, term: str, held_by: int, prior: float, low: float, high: float) -> None:
    dfs = _store(docs, {term: held_by}, {term: prior})
    assert low <= dfs.idf(term) / dfs.idf("only0", 0.0) <= high


def test_a_large_store_s_own_counts_decide() -> None:
    # a word in a fifth of a large store is as common as that, whatever its English prior
    rare_in_english = _store(10_000, {"x": 2_000}, {"x": 0.0})
    common_in_english = _store(10_000, {"x": 2_000}, {"x": 0.2})
    assert rare_in_english.idf("x") == pytest.approx(common_in_english.idf("x"), abs=0.05)


_NAMES = {"people": ("Jens Stoltenberg", "Stoltenberg"), "places": ("Brussels", "Poland", "Ukraine")}
_DEFENCE = article(
    "defence", "Defence ministers discuss air defence of the eastern flank",
    "NATO defence ministers met in Brussels to discuss air defence, Secretary General Jens Stoltenberg said. "
    "Stoltenberg said the ministers will review regional plans and how to produce more ammunition. "
    "Stoltenberg told reporters that drones had approached the borders of Poland and Lithuania.", **_NAMES)
_ANNIVERSARY = article(
    "anniversary", "Alliance marks the anniversary of its founding treaty",
    "NATO foreign ministers marked in Brussels the anniversary of the founding treaty with a ceremony, "
    "Secretary General Jens Stoltenberg said. Stoltenberg proposed a multi-year fund for the support of Ukraine, "
    "which several allies doubted. Stoltenberg said twelve nations signed the treaty and thirty-two are bound by it.",
    **_NAMES)


@pytest.mark.parametrize(("min_text_ratio", "joined"), [(0.0, True), (0.75, False)])
def test_the_same_person_in_the_same_city_does_not_carry_words_far_apart(min_text_ratio: float,
                                                                          joined: bool) -> None:
    # a threshold the two texts' words reach only 0.7 of (0.28 of 0.4, the same for texts of any
    # length), while the same place, the same person and the same persons named lift the score over it
    index = StoryIndex(StoryParams(threshold=0.4, short_terms=1, min_text_ratio=min_text_ratio))
    index.add(_DEFENCE.id, extract_event(_DEFENCE), text_features(_DEFENCE))
    second = index.add(_ANNIVERSARY.id, extract_event(_ANNIVERSARY), text_features(_ANNIVERSARY))
    assert (not second.new) is joined
    if joined:
        assert second.parts["text"] < 0.75 * 0.4 <= second.score
