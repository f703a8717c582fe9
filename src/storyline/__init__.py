"""storyline: turn piles of scraped news articles into knowledge you can query.

The Python API mirrors the CLI::

    from storyline import Store, ingest
    with Store("news.db") as store:
        report = ingest(["articles/"], store)
        for article in store.iter_articles():
            print(article.published, article.title)
"""

__version__ = "0.1.0"

from storyline.clean import clean_document  # noqa: E402
from storyline.export import export  # noqa: E402
from storyline.pipeline import ingest  # noqa: E402
from storyline.records import (  # noqa: E402
    AnalysedArticle,
    BadInput,
    Caption,
    CleanArticle,
    IngestReport,
    Mention,
    RawDocument,
    RemovedLine,
    Sentence,
)
from storyline.store import Store  # noqa: E402

__all__ = [
    "AnalysedArticle", "BadInput", "Caption", "CleanArticle", "IngestReport", "Mention", "RawDocument",
    "RemovedLine", "Sentence", "Store", "__version__", "clean_document", "export", "ingest",
]
