"""``lagebild eval GOLD_DIR``: the metrics of gold-format.md."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from lagebild.eval.runner import evaluate
from lagebild.eval.scorer import Report, confidence_ranking, metrics, quote_kind_metrics

GROUPS = {
    "events": ["event_P", "event_R", "event_F1", "event_date_acc", "event_status_acc",
               "event_planned_R", "event_negated_R", "event_mode_acc", "event_loc_acc"],
    "quotes": ["quote_P", "quote_R", "quote_F1", "quote_speaker_acc", "quote_kind_acc"],
    "entities": ["entity_P", "entity_R", "entity_link_acc"],
    "segments": ["news_P", "news_R", "news_F1", "noise_leak"],
}


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _print_table(result: dict, report: Report, verbose: bool) -> None:
    console = Console()
    table = Table(title=f"lagebild eval — {result['docs']} documents")
    table.add_column("part")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for part, keys in GROUPS.items():
        for key in keys:
            table.add_row(part, key, _fmt(result[key]))
    console.print(table)
    if not verbose:
        return
    for kind, vals in quote_kind_metrics(report).items():
        console.print(f"quotes ({kind}): P {_fmt(vals['P'])}  R {_fmt(vals['R'])}  "
                      f"F1 {_fmt(vals['F1'])}")
    ranking = confidence_ranking(report)
    console.print(f"events by confidence: P of the most confident half "
                  f"{_fmt(ranking['event_P_top_half'])}, P of all {_fmt(ranking['event_P_all'])}")
    console.print(f"\n[bold]Misses ({len(report.misses)})[/bold]")
    for line in report.misses:
        console.print(f"  - {line}", markup=False, highlight=False)
    console.print(f"\n[bold]Spurious ({len(report.spurious)})[/bold]")
    for line in report.spurious:
        console.print(f"  + {line}", markup=False, highlight=False)


def eval_command(
    gold_dir: Path = typer.Argument(..., help="Folder with *.txt, *.meta.json, *.gold.json"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object of metrics."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and spurious items."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Processes to run."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N gold files."),
    withhold_published: bool = typer.Option(
        False, "--withhold-published", help="Ignore the sidecar dates (to test date inference)."),
) -> None:
    """Run the pipeline on every *.txt in GOLD_DIR and score it against its .gold.json."""
    if not gold_dir.is_dir():
        typer.echo(f"error: {gold_dir}: not a directory", err=True)
        raise typer.Exit(2)
    report = evaluate(gold_dir, workers=workers, limit=limit,
                      withhold_published=withhold_published)
    result = metrics(report)
    if as_json:
        if verbose:
            result = {**result, "quote_kinds": quote_kind_metrics(report),
                      **confidence_ranking(report),
                      "misses": report.misses, "spurious": report.spurious}
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        _print_table(result, report, verbose)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
