"""``bench/eval_pubdate.py``: publication dates hidden and guessed back, scored per branch."""

from __future__ import annotations

from test_eval_gates import _bench

pubdate = _bench("eval_pubdate")


def test_guesses_are_scored_per_branch_and_missing_guesses_lower_coverage() -> None:
    rows = [
        # a dateline: exact
        {"id": "a", "date": "2024-03-14", "text": "RIGA, March 14, 2024 (BNS) - The port reopened after repairs."},
        # the latest day reported: one day off, right year
        {"id": "b", "date": "2024-03-15", "text": "The port of the old Hanseatic city, closed to ships and ferries "
                                                  "since March 2, reopened on 14 March 2024, the harbour master said."},
        # a background year only: no guess
        {"id": "c", "date": "2024-03-15", "text": "The port has been run by the city since 1998, officials said."},
    ]
    results = pubdate.score(rows)
    assert results["all"]["articles"] == 3 and results["all"]["guessed"] == 2
    assert results["dateline"]["exact"] == 1
    day = results["latest day"]
    assert (day["guessed"], day["exact"], day["within 2 days"], day["right year"]) == (1, 0, 1, 1)


def test_cli_prints_the_table(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "d.jsonl"
    data.write_text('{"id": "a", "date": "2024-03-14", "text": "RIGA, March 14, 2024 (BNS) - Ships sailed."}\n'
                    '{"id": "b", "date": "", "text": "No date to hide."}\n', encoding="utf-8")
    assert pubdate.main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "1 dated articles" in out and "coverage 100.0%" in out
