"""``airshield history replay|validate`` and ``airshield calibrate``: the model against the records."""

from __future__ import annotations

import json
from pathlib import Path

import click

from airshield.cli.output import print_json, print_table
from airshield.cli.progress import progress_bar

DATA_HELP = "records CSV (default: the shipped file)"
LAYDOWN_HELP = "defence laydown: a built-in scenario or scenario file whose raid is replaced"


@click.command(help="Simulate a recorded raid (id such as 2024-08-26T03:00, or a date) against a laydown.")
@click.argument("raid_id")
@click.option("--data", type=click.Path(dir_okay=False), default=None, help=DATA_HELP)
@click.option("--laydown", default="ukraine-national", show_default=True, help=LAYDOWN_HELP)
@click.option("--replications", "-n", type=click.IntRange(1), default=10, show_default=True)
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--params", "params_file", type=click.Path(dir_okay=False), default=None,
              help="calibrated parameters (the JSON written by airshield calibrate)")
@click.option("--json", "as_json", is_flag=True)
def replay(raid_id: str, data: str | None, laydown: str, replications: int, seed: int, params_file: str | None,
           as_json: bool) -> None:
    from airshield.history import load_records, raid
    from airshield.history.predict import predict, reported_shares
    from airshield.history.replay import load_laydown
    from airshield.history.spec import raid_spec
    chosen = raid(load_records(data), raid_id)
    spec = raid_spec(chosen)
    predicted = predict(spec, load_laydown(laydown), _params(params_file), replications=replications, seed=seed).table
    reported = reported_shares(chosen)
    rows = []
    for group in predicted.index.union(reported.index):
        p = predicted.loc[group] if group in predicted.index else None
        r = reported.loc[group] if group in reported.index else None
        launched = r["launched"] if r is not None else (p["launched"] if p is not None else None)
        rows.append({"group": group, "launched": float(launched) if launched is not None else None,
                     **{f"simulated_{k}": float(p[k]) if p is not None else None for k in ("destroyed", "ew_lost", "neutralised")},
                     "simulated_neutralised_p05": float(p["neutralised_p05"]) if p is not None else None,
                     "simulated_neutralised_p95": float(p["neutralised_p95"]) if p is not None else None,
                     **{f"reported_{k}": float(r[k]) if r is not None else None for k in ("destroyed", "ew_lost", "neutralised")}})
    if as_json:
        print_json({"raid": chosen.id, "laydown": laydown, "replications": replications, "seed": seed, "groups": rows})
    else:
        print_table(f"Raid {chosen.id}: simulated (mean, 5-95%) against reported shares", list(rows[0]) if rows else [],
                    [tuple(r.values()) for r in rows])


@click.command(help="Fit the model's free parameters to the recorded raids of a period.")
@click.option("--data", type=click.Path(dir_okay=False), default=None, help=DATA_HELP)
@click.option("--from", "date_from", required=True, help="first raid date, YYYY-MM-DD")
@click.option("--to", "date_to", required=True, help="last raid date, YYYY-MM-DD")
@click.option("--laydown", default="ukraine-national", show_default=True, help=LAYDOWN_HELP)
@click.option("--sample", type=click.IntRange(2), default=24, show_default=True, help="raids simulated, spread over raid size")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), default="calibration.yaml", show_default=True,
              help="scenario overlay to write (extends the laydown); the estimates go next to it as .json")
@click.option("--json", "as_json", is_flag=True)
def calibrate(data, date_from, date_to, laydown, sample, seed, out, as_json) -> None:
    from airshield.history import load_records
    from airshield.history.calibrate import calibrate as fit
    from airshield.history.cases import cases_from, parse_date, raids_between
    from airshield.history.overlay import write_overlay
    from airshield.history.replay import load_laydown
    start, end = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    cases = cases_from(raids_between(load_records(data), start, end), sample)
    if len(cases) < 2:
        from airshield.errors import InputError
        raise InputError(f"only {len(cases)} raids between {date_from} and {date_to}", path="--from/--to",
                         expected="a period with at least 2 recorded raids")
    with progress_bar("simulations", not as_json) as progress:
        result = fit(cases, load_laydown(laydown), seed=seed, progress=progress)
    files = write_overlay(result, laydown, Path(out), {"from": date_from, "to": date_to, "raids": len(cases),
                                                         "seed": seed})
    data_out = {**result.to_dict(), "overlay": str(files[0]), "estimates_file": str(files[1]), "raids": len(cases)}
    if as_json:
        print_json(data_out)
    else:
        print_table(f"Calibration on {len(cases)} raids, {date_from} .. {date_to}", ("parameter", "value", "std", "90% interval", "status", "raids"),
                    [(k, _round(v["value"]), _round(v["std"]), _round(v["ci90"]), v["status"], v["raids"])
                     for k, v in data_out["estimates"].items()])
        click.echo(f"overlay: {files[0]} (use it as a laydown or with extends); estimates: {files[1]}")


@click.command(help="Calibrate up to one date, predict every raid from another, score against baselines; "
                     "--rolling MONTHS recalibrates every MONTHS months on the reports made before.")
@click.option("--data", type=click.Path(dir_okay=False), default=None, help=DATA_HELP)
@click.option("--train-until", required=True, help="last training date, YYYY-MM-DD")
@click.option("--test-from", required=True, help="first test date, YYYY-MM-DD")
@click.option("--train-days", type=click.IntRange(30), default=365, show_default=True,
              help="calibrate on the raids of this many days before --train-until (rolling: before each step)")
@click.option("--laydown", default="ukraine-national", show_default=True, help=LAYDOWN_HELP)
@click.option("--sample", type=click.IntRange(2), default=24, show_default=True, help="training raids simulated (fixed origin)")
@click.option("--max-test", type=click.IntRange(0), default=60, show_default=True,
              help="test raids predicted (spread over size); 0 = every test raid")
@click.option("--replications", "-n", type=click.IntRange(2), default=None,
              help="replications per raid [default: 8; 3 with --rolling]")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--rolling", "rolling_months", type=click.IntRange(1), default=None,
              help="rolling origin: recalibrate every MONTHS months on the reports made before each step")
@click.option("--level-updates", type=click.Choice(["raid", "month"]), default="raid", show_default=True,
              help="rolling: update the drifting level with reports made before each raid, or only before each step")
@click.option("--parameters", type=click.Choice(["s2", "joint"]), default="s2", show_default=True,
              help="rolling: hyper-parameter uncertainty in the predictive: the over-dispersion's alone, or "
                   "over-dispersion and drift drawn together (joint Laplace corrected by the likelihood)")
@click.option("--epochs", "epochs_file", type=click.Path(dir_okay=False), default=None,
              help="rolling: dated defence and attacker changes (default: the shipped epochs.csv)")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="rolling: local worker processes simulating raids in parallel")
@click.option("--cache", type=click.Path(file_okay=False), default=None,
              help="rolling: folder keeping each raid's simulation for later runs with the same inputs")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="folder for the table, plots and JSON")
@click.option("--json", "as_json", is_flag=True)
def validate(data, train_until, test_from, train_days, laydown, sample, max_test, replications, seed, rolling_months,
             level_updates, parameters, epochs_file, workers, cache, out, as_json) -> None:
    import pandas as pd

    from airshield.history import load_records
    from airshield.history.cases import cases_from, parse_date, raids_between
    from airshield.history.replay import load_laydown
    records = load_records(data)
    until, test_start = parse_date(train_until, "--train-until"), parse_date(test_from, "--test-from")
    history = cases_from(raids_between(records, None, None), None)
    test = cases_from(raids_between(records, test_start, None), max_test or None)
    settings = {"train_until": train_until, "test_from": test_from, "laydown": laydown, "seed": seed}
    if rolling_months is None:
        train = cases_from(raids_between(records, until - pd.Timedelta(days=train_days), until), sample)
        _fixed_origin(train, history, test, load_laydown(laydown), until, replications or 8, settings, out, as_json)
    else:
        options = {"months": rolling_months, "train_days": train_days, "level_updates": level_updates,
                   "parameters": parameters,
                   "epochs": epochs_file, "replications": replications or 3, "workers": workers, "cache": cache}
        _rolling(history, test, load_laydown(laydown), options, settings, out, as_json)


def _fixed_origin(train, history, test, laydown, until, replications, settings, out, as_json) -> None:
    from airshield.history.validate import validate as run_validation
    with progress_bar("simulations", not as_json) as progress:
        result = run_validation(train, history, test, laydown, train_until=until, replications=replications,
                                seed=settings["seed"], progress=progress)
    payload = {**result.to_dict(), **settings, "replications": replications}
    if out:
        from airshield.history.validation_plots import write_validation
        write_validation(result, Path(out), payload)
    if as_json:
        print_json(payload)
    else:
        print_table(f"Validation: trained to {settings['train_until']}, tested from {settings['test_from']}",
                    ("group", *list(next(iter(result.scores.values()), {}))),
                    [(g, *s.values()) for g, s in result.scores.items()])


def _rolling(history, test, laydown, options: dict, settings: dict, out, as_json) -> None:
    import pandas as pd

    from airshield.history.forecast.epochs import load_epochs
    from airshield.history.forecast.rolling import RollingSettings
    from airshield.history.forecast.summary import score_table
    from airshield.history.forecast.validation import rolling_validation
    from airshield.runs.backends import open_backend
    rolling = RollingSettings(months=options["months"], train_days=options["train_days"], seed=settings["seed"],
                              level_updates=options["level_updates"], parameters=options["parameters"])
    epochs = load_epochs(options["epochs"])
    cache = Path(options["cache"]) if options["cache"] else None
    with open_backend("local", options["workers"]) as backend, progress_bar("raids simulated", not as_json) as progress:
        result = rolling_validation(history, test, laydown, epochs, settings=rolling, replications=options["replications"],
                                    test_from=pd.Timestamp(settings["test_from"]), backend=backend, progress=progress,
                                    cache=cache)
    payload = {**result.to_dict(), **settings, "replications": options["replications"],
               "epochs": options["epochs"] or "shipped (airshield/history/data/epochs.csv)"}
    if out:
        from airshield.history.forecast.plots import write_rolling
        write_rolling(result, Path(out), payload)
    if as_json:
        print_json(payload)
    else:
        table = score_table(result.scores)
        print_table(f"Rolling validation (every {options['months']} month(s)), tested from {settings['test_from']}",
                    tuple(table.columns), [tuple(_round(v) if isinstance(v, float) else v for v in r)
                                           for r in table.itertuples(index=False)])


def _params(path: str | None):
    from airshield.history.params import ReplayParams
    if path is None:
        return ReplayParams()
    from airshield.errors import InputError
    try:
        data = json.loads(Path(path).read_text())
        return ReplayParams(**data["params"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read calibrated parameters: {exc}", file=path, path="--params",
                         expected="the JSON written by airshield calibrate") from None




def _round(value):
    if value is None:
        return "-"
    if isinstance(value, (tuple, list)):
        return " .. ".join(f"{v:.3f}" for v in value)
    return f"{value:.3f}"
