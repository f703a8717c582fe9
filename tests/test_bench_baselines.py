"""The stories baselines of ``bench/baselines_stories.py``: single-pass TF-IDF and timestamp gaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_eval_gates import _bench

baselines = _bench("baselines_stories")


def test_single_pass_groups_by_words() -> None:
    texts = ["harbour crane collapse injures dockers", "dockers injured as harbour crane collapses",
             "orchestra season opens with new conductor", "new conductor opens the orchestra season"]
    labels = baselines.single_pass(baselines.tfidf_vectors(texts), 0.2)
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_window_keeps_a_stale_story_from_taking_an_article() -> None:
    texts = ["harbour crane collapse injures dockers", "dockers injured as harbour crane collapses"]
    vectors = baselines.tfidf_vectors(texts + ["orchestra season opens"])[:2]
    assert len(set(baselines.single_pass(vectors, 0.1, times=[0.0, 7200.0], window_s=3600.0))) == 2
    assert len(set(baselines.single_pass(vectors, 0.1, times=[0.0, 600.0], window_s=3600.0))) == 1


@pytest.mark.parametrize("times, expected", [
    ([0.0, 30.0, 500.0, 520.0], [0, 0, 1, 1]),
    ([500.0, 0.0, 520.0, 30.0], [1, 0, 1, 0]),  # the order of the file does not matter
    ([0.0, 100.0, 200.0], [0, 0, 0]),          # a chain of short gaps is one burst
])
def test_time_gaps(times: list[float], expected: list[int]) -> None:
    assert baselines.time_gaps(times, 120.0) == expected


@pytest.mark.parametrize("row, expected", [
    ({"title": "Crane collapse", "text": "Crane collapse\n\nDockers hurt."}, "Crane collapse\n\nDockers hurt."),
    ({"title": "Crane collapse", "text": "Four dockers hurt."}, "Crane collapse Four dockers hurt."),
    ({"text": "Four dockers hurt."}, "Four dockers hurt."),
])
def test_document_puts_the_title_in_front_once(row: dict, expected: str) -> None:
    assert baselines.document(row) == expected


def test_time_gaps_needs_times() -> None:
    assert baselines.time_gaps([0.0, None], 120.0) is None
    assert baselines.timestamp("2014-03-10") is None
    assert baselines.timestamp("2014-03-10T16:52:50Z") == baselines.timestamp("2014-03-10T16:52:50+00:00")


def test_run_scores_a_file(tmp_path: Path) -> None:
    rows = [{"id": aid, "text": text, "date": f"2024-05-01T{time}Z", "cluster": cluster}
            for aid, text, time, cluster in (
        ("a", "harbour crane collapse injures dockers", "10:00:00", "1"),
        ("b", "dockers injured as harbour crane collapses", "10:00:20", "1"),
        ("c", "orchestra season opens with new conductor", "12:00:00", "2"),
        ("d", "new conductor opens the orchestra season", "12:00:30", "2"))]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = baselines.run(str(path), [0.2], 60.0, 2.0)
    assert out["tfidf"]["bcubed_f1"] == 1.0
    assert out["time_gaps"]["bcubed_f1"] == 1.0 and out["time_gaps"]["stories"] == 2
