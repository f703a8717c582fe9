"""`storyline eval quotes|pronouns|stories`: score a stage against gold data."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from storyline.cli._app import app, console, err_console, errors_to_exit

eval_app = typer.Typer(help="Score storyline's stages against gold data.", no_args_is_help=True,
                       rich_markup_mode=None)
app.add_typer(eval_app, name="eval")


@eval_app.command("quotes")
def eval_quotes_cli(
    gold: Annotated[str, typer.Option("--gold", help="Gold JSONL: one {\"id\", \"text\", \"quotes\"} per line.")],
    pred_out: Annotated[str | None, typer.Option("--pred-out", help="Write the predictions here (the scorer's "
                                                                     "JSONL format).")] = None,
    speaker: Annotated[str, typer.Option("--speaker", help="Speaker string to score: 'mention' (as written, "
                                                            "PolNeAR's source span) or 'resolved' (the name the "
                                                            "article resolves it to).")]
    = "mention",
    min_overlap: Annotated[float, typer.Option("--min-overlap", min=0.0, max=1.0,
                                               help="Word overlap for a span match.")] = 0.5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full figures as JSON.")] = False,
) -> None:
    """Run ingest's stages over gold texts and print PolNeAR's quotation figures."""
    from storyline.quotes.evaluate import load_gold, predict, print_table, score

    if speaker not in ("resolved", "mention"):
        raise typer.BadParameter("use 'resolved' or 'mention'", param_hint="--speaker")
    with errors_to_exit():
        gold_docs = load_gold(gold)
        preds = {}
        fh = open(pred_out, "w", encoding="utf-8") if pred_out else None
        try:
            for p in predict(gold_docs, gold, speaker=speaker):
                preds[p["id"]] = p
                if fh:
                    fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        finally:
            if fh:
                fh.close()
        out = score(gold_docs, preds, min_overlap)
    if as_json:
        console.out(json.dumps(out, indent=1), highlight=False)
    else:
        print_table(out, gold, sys.stdout)


@eval_app.command("pronouns")
def eval_pronouns_cli(
    gold: Annotated[str, typer.Option("--gold", help="Gold JSONL in GAP's columns: {\"id\", \"text\", "
                                                     "\"pronoun\", \"pronoun_offset\", \"a\", \"a_offset\", "
                                                     "\"a_coref\", \"b\", \"b_offset\", \"b_coref\", "
                                                     "\"gender\"} per line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full figures as JSON.")] = False,
) -> None:
    """Resolve each gold pronoun and print GAP's figures: P/R/F1 overall and per gender, and the bias ratio."""
    from storyline.entities.evaluate_pronouns import load_cases, predict, print_table, score

    with errors_to_exit():
        result = score(predict(load_cases(gold)))
    if as_json:
        console.out(json.dumps(result.as_dict(), indent=1), highlight=False)
    else:
        print_table(result, gold, sys.stdout)


@eval_app.command("stories")
def eval_stories_cli(
    gold: Annotated[str, typer.Option("--gold", help="Gold JSONL: one {\"id\", \"title\", \"text\", \"date\", "
                                                     "\"cluster\"} per line (date may be empty).")],
    pred_out: Annotated[str | None, typer.Option("--pred-out", help="Write the predictions here: one "
                                                                     "{\"id\", \"cluster\"} per line.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full figures as JSON.")] = False,
) -> None:
    """Ingest gold articles into a temporary store and print story clustering figures (BCubed, ARI)."""
    from storyline.stories.evaluate import score_clusters, story_predictions

    with errors_to_exit():
        labels, pred, refused = story_predictions(gold)
        for bad in refused:
            err_console.print(f"storyline: skipped {bad.path}: {bad.reason}", markup=False)
        if pred_out:
            with open(pred_out, "w", encoding="utf-8") as fh:
                for gid in labels:
                    if gid in pred:
                        fh.write(json.dumps({"id": gid, "cluster": pred[gid]}, ensure_ascii=False) + "\n")
        s = score_clusters(labels, pred)
    if as_json:
        console.out(json.dumps(s.as_dict(), indent=1), highlight=False)
        return
    out = sys.stdout
    out.write(f"{gold}: {s.n} articles, {s.gold_clusters} gold stories, {s.pred_clusters} predicted"
              f"{f', {s.missing} not filed' if s.missing else ''}\n")
    out.write(f"BCubed  P {s.bcubed_p:.3f}  R {s.bcubed_r:.3f}  F1 {s.bcubed_f1:.3f}\n")
    out.write(f"ARI {s.ari:.3f}  pairwise F1 {s.pair_f1:.3f}  NMI {s.nmi:.3f}\n")
