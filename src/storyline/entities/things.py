"""Organisations and places in the entity index: one key and one spelling per name.

An organisation is keyed by its alias-table name ("Alliance" → "NATO"), a place by its canonical
spelling ("Kiev" → "Kyiv"); both keys fold case and accents (:func:`storyline.entities.names.key`).
"""

from __future__ import annotations

from collections import Counter

from storyline.entities import gazetteer as gz
from storyline.entities.names import diacritics
from storyline.entities.places import canonical_place
from storyline.records import PLACE_LABELS


def best_spelling(names: list[str], counts: Counter[str], label: str) -> str:
    """An organisation's or place's name: its alias-table form ("Alliance" → "NATO", "Kiev" → "Kyiv")."""
    canonical: Counter[str] = Counter()
    for n in names:
        canonical[org_or_place(n, label)[1]] += counts[n]
    return max(canonical, key=lambda n: (not n.isupper() or len(n) <= 6, canonical[n], diacritics(n), n))


def place_or_org_type(type_: str, labels: Counter[str]) -> str:
    """An organisation stays one; a place takes the place label the model gave it most (GPE, LOC, FAC)."""
    if type_ == "ORG":
        return "ORG"
    places = Counter({k: v for k, v in labels.items() if k in PLACE_LABELS})
    return places.most_common(1)[0][0] if places else type_


def org_or_place(name: str, label: str) -> tuple[str, str]:
    """The index's kind ("PLACE" or "ORG") and canonical name for a name the model labelled ``label``."""
    if label in PLACE_LABELS:
        return "PLACE", canonical_place(name)
    return "ORG", gz.ORG_ALIASES.get(name, name)
