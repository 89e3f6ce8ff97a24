"""A rolling validation inside the training period, to judge forecaster changes without the test raids.

The records are cut at ``--until`` (nothing later is read), every month from ``--from`` to ``--until``
is forecast from the reports made before it, as ``airshield history validate --rolling 1`` does:

    PYTHONPATH=src python scripts/pseudo_validation.py --from 2024-01-01 --until 2024-12-31 \
        --parameters joint --seed 2 --cache /tmp/sims --rows /tmp/rows.pkl

The simulations are kept in ``--cache`` (and the observation table beside it), so further runs
only refit and redraw. Prints the score table (model and both baselines).
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

import pandas as pd

from airshield.history import load_records
from airshield.history.cases import cases_from, raids_between
from airshield.history.forecast.epochs import load_epochs
from airshield.history.forecast.observations import COLUMNS
from airshield.history.forecast.rolling import PARAMETERS, RollingSettings, rolling_forecast
from airshield.history.forecast.summary import score_rolling, score_table
from airshield.history.forecast.validation import rolling_validation
from airshield.history.replay import load_laydown
from airshield.runs.backends import open_backend


def observations(first: pd.Timestamp, last: pd.Timestamp, cache: Path, laydown: str) -> pd.DataFrame:
    """The observation table of every raid up to ``last`` (simulated once, then read from ``cache``)."""
    saved = cache / f"observations-{first.date()}-{last.date()}-{laydown}.pkl"
    if saved.exists():
        table = pickle.loads(saved.read_bytes())
        if set(COLUMNS) <= set(table.columns):   # a table saved before a column was added is rebuilt
            return table
    history = [c for c in cases_from(raids_between(load_records(None), None, None), None) if c.spec.start <= last]
    test = [c for c in history if c.spec.start >= first]
    with open_backend("local", 2) as backend:
        result = rolling_validation(history, test, load_laydown(laydown), load_epochs(), settings=RollingSettings(),
                                    replications=3, test_from=first, backend=backend, cache=cache)
    saved.write_bytes(pickle.dumps(result.table))
    return result.table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", default="2024-01-01")
    parser.add_argument("--until", default="2024-12-31")
    parser.add_argument("--parameters", choices=PARAMETERS, default="s2")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--laydown", default="ukraine-national")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/airshield-pseudo-validation"))
    parser.add_argument("--rows", type=Path, default=None, help="pickle the per-raid rows here")
    args = parser.parse_args()
    first, last = pd.Timestamp(args.first), pd.Timestamp(args.until) + pd.Timedelta(hours=23, minutes=59)
    args.cache.mkdir(parents=True, exist_ok=True)
    table = observations(first, last, args.cache, args.laydown)
    table = table[table["start"] <= last]
    settings = RollingSettings(seed=args.seed, parameters=args.parameters)
    rows, _ = rolling_forecast(table, table[table["start"] >= first], settings)
    if args.rows:
        args.rows.write_bytes(pickle.dumps(rows))
    print(score_table(score_rolling(rows)).round(3).to_string(index=False))


if __name__ == "__main__":
    main()
