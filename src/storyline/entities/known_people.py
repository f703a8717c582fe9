"""The full names of the people the entity index knows, for mention repair to look up."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator


class KnownPeople(Collection[str]):
    """The full names of the people an index knows, findable by the last word of their surname.

    :func:`~storyline.entities.mentions.repair_mentions` asks :meth:`with_surname_in` for the
    few that matter to one article, so its cost does not grow with the corpus.
    """

    def __init__(self, veto: Callable[[str], object] = lambda name: None) -> None:
        self._by_last: dict[str, set[str]] = {}
        self._names: set[str] = set()
        self._veto = veto  #: names it holds but does not offer: true when the name is not a person's

    def add(self, name: str, last: str) -> None:
        if name not in self._names:
            self._names.add(name)
            self._by_last.setdefault(last, set()).add(name)

    def with_surname_in(self, words: Collection[str]) -> set[str]:
        """The full names whose surname ends with one of ``words``, but those vetoed."""
        return {n for w in words if w in self._by_last for n in self._by_last[w] if not self._veto(n)}

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
