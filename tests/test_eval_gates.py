"""Eval gates: quality figures on public gold data must not fall below pinned floors.

The gold data lives outside the project (``../shared/data`` beside the checkout,
as on CI); without it these tests skip and say so. Floors are in
``tests/eval_floors.json`` with the figure measured when they were pinned.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8"))


def _bench(name: str):  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "aeb" / "gold.jsonl").exists(), reason="AEB gold data not found at ../shared/data/aeb")
def test_boilerplate_removal_floor(capsys: pytest.CaptureFixture[str]) -> None:
    assert _bench("eval_boilerplate").main(["--data", str(DATA / "aeb"), "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results["plain (storyline clean)"]["f1"] >= FLOORS["aeb_plain_f1"]["floor"]
    assert results["html (trafilatura + clean)"]["f1"] >= FLOORS["aeb_html_f1"]["floor"]
    # and it must beat keeping everything by a clear margin
    assert results["plain (storyline clean)"]["f1"] > results["plain (keep everything)"]["f1"] + 0.1


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "timex" / "tbaq.jsonl").exists(), reason="TBAQ gold data not found at ../shared/data/timex")
def test_time_expressions_floor() -> None:
    figures = _bench("eval_timex").evaluate(DATA / "timex" / "tbaq.jsonl", show_errors=0)
    assert figures["value_f1"] >= FLOORS["tbaq_value_f1"]["floor"]
    assert figures["relaxed_f1"] >= FLOORS["tbaq_relaxed_span_f1"]["floor"]


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "gap" / "development.jsonl").exists(),
                    reason="GAP gold data not found at ../shared/data/gap")
def test_pronoun_resolution_floor() -> None:
    from storyline.entities.evaluate_pronouns import load_cases, predict, score

    figures = score(predict(load_cases(DATA / "gap" / "development.jsonl"))).as_dict()
    assert figures["overall"]["f1"] >= FLOORS["gap_dev_f1"]["floor"]


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "polnear" / "dev.jsonl").exists(), reason="PolNeAR gold data not found at ../shared/data/polnear")
def test_quotations_floor() -> None:
    from storyline.quotes.evaluate import load_gold, predict, score

    path = DATA / "polnear" / "dev.jsonl"
    gold = load_gold(path)
    figures = score(gold, {p["id"]: p for p in predict(gold, str(path))})
    assert figures["docs_missing_in_pred"] == 0  # no article fails as a whole
    assert figures["overlap"]["direct+mixed"]["attr_F1"] >= FLOORS["polnear_dev_direct_mixed_attributed_f1"]["floor"]
    assert figures["overlap"]["all"]["F1"] >= FLOORS["polnear_dev_all_span_f1"]["floor"]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ecbplus_dev", "gnews_headlines_dev"])
def test_story_clustering_floor(name: str) -> None:
    from storyline.stories.evaluate import score_clusters, story_predictions

    path = DATA / "stories" / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"stories gold data not found at {path}")
    gold, pred, refused = story_predictions(str(path))  # what `storyline eval stories` runs: the real ingest
    s = score_clusters(gold, pred)
    # every gold article was filed but those that are only web debris ("Share this on:"): ingest refuses them
    assert s.missing == len(refused) <= 5
    assert all(r.reason.startswith("nothing is left") for r in refused)
    assert s.bcubed_f1 >= FLOORS[f"stories_{name}_bcubed_f1"]["floor"]


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT.parent / "shared" / "seeds").is_dir(), reason="seed articles not found at ../shared/seeds")
def test_seed_articles_story_floor(tmp_path: Path) -> None:
    """The five seed articles are five events: the two Stoltenberg–Duda meetings in Brussels are
    never one story, and at least the pinned number of stories come out of the real ingest."""
    from storyline.pipeline import ingest
    from storyline.store import Store

    with Store(str(tmp_path / "seeds.db")) as store:
        ingest([str(ROOT.parent / "shared" / "seeds")], store)
        rows = store.db.execute("SELECT s.source, a.story_id FROM sources s JOIN story_articles a "
                                "ON a.article_id = s.article_id").fetchall()
    story = {Path(source).name[:3]: sid for source, sid in rows}
    assert len(story) == 5
    assert story["000"] != story["002"]  # Wednesday and Thursday, fifteen months apart
    assert len(set(story.values())) >= FLOORS["stories_seeds_count"]["floor"]
