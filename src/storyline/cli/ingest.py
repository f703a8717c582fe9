"""`storyline ingest PATH...`"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from storyline.cli._app import DbOption, app, console, err_console, errors_to_exit, open_store
from storyline.entities import load_kb
from storyline.pipeline import count_files, default_workers, ingest


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (walked recursively): .txt, .html, .jsonl, "
                                                    ".json, .csv.")],
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Re-process files even when unchanged.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Processes for spaCy and quotations "
                                                "(default: 2 on a multi-core machine for 24+ files, else 1; "
                                                "$STORYLINE_WORKERS).")] = None,
    kb: Annotated[str | None, typer.Option("--kb", metavar="FILE", help="Knowledge file (YAML): people's aliases, "
                                                                          "nationality and roles with dates; see "
                                                                          "docs/entities.md.")] = None,
) -> None:
    """Read, clean and analyse articles into the store; unchanged files are skipped."""
    with errors_to_exit():
        knowledge = load_kb(kb) if kb else None  # a bad file stops before anything is read
    total = count_files(paths)
    with open_store(db, readonly=False) as store:
        progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            TextColumn("{task.fields[articles]} articles, {task.fields[rate]:.1f}/s"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=err_console, disable=quiet, transient=False,
        )
        with progress:
            task = progress.add_task("ingest", total=total, articles=0, rate=0.0)

            def on_progress(files: int, articles: int) -> None:
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, completed=files, articles=articles, rate=articles / elapsed)

            report = ingest(paths, store, force=force, on_progress=on_progress, kb=knowledge,
                            workers=workers or default_workers(total))
            progress.update(task, completed=total)
    for bad in report.failures:
        err_console.print(f"storyline: skipped {bad.path}: {bad.reason}", markup=False)
    rate = report.articles_added / report.seconds if report.seconds else 0.0
    console.print(
        f"{report.files_seen} files: {report.articles_added} articles stored, "
        f"{report.articles_unchanged} unchanged, {report.articles_replaced} replaced, "
        f"{report.files_skipped} files skipped (unchanged), {report.failed} failed "
        f"in {report.seconds:.1f}s ({rate:.1f} articles/s)",
        markup=False,
    )
    if report.articles_not_english:
        console.print(f"{report.articles_not_english} of them in another language: stored and searchable, "
                      "without entities or quotations (the model reads English)", markup=False)
    if report.failed:
        raise typer.Exit(min(report.failed, 100) if report.failed else 0)
