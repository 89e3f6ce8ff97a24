"""Same numbers as stored, on the same seeds: a guard against unintended model changes.

``reference/*.json`` holds, per replication, the count of each outcome per threat type, the
rounds fired per munition and the value lost, written by ``python tests/engine/test_engine_reference_numbers.py``
when the model changes on purpose (say why in the commit).
"""

import json
import sys
from pathlib import Path

import pytest

from airshield.engine import run_replication
from airshield.runs.seeds import replication_seed
from airshield.world import load_world

HERE = Path(__file__).parent / "reference"
CASES = {"kyiv-small": 4, "ukraine-national": 1}
OUTCOMES = ["launch", "engage", "kill", "miss", "ew_loss", "failure", "impact", "in_flight", "reload"]


def numbers(name: str, replications: int) -> list[dict]:
    world = load_world(name)
    rows = []
    for i in range(replications):
        log = run_replication(world, replication_seed(2026, i))
        ends = log[log["kind"].isin(OUTCOMES)]
        counts = ends.groupby(["threat_type", "kind"], observed=True).size()
        engage = log[log["kind"] == "engage"]
        rows.append({"counts": {f"{t}/{k}": int(n) for (t, k), n in counts.items()},
                     "rounds": {m: int(r) for m, r in engage.groupby("munition")["rounds"].sum().items()},
                     "value_lost": float(log.loc[log["kind"] == "damage", "value"].sum())})
    return rows


@pytest.mark.parametrize("name", list(CASES))
def test_engine_reproduces_the_stored_numbers(name):
    stored = json.loads((HERE / f"{name}.json").read_text())
    for got, want in zip(numbers(name, CASES[name]), stored, strict=True):
        assert got["counts"] == want["counts"]
        assert got["rounds"] == want["rounds"]
        assert got["value_lost"] == pytest.approx(want["value_lost"], rel=1e-12, abs=1e-12)


if __name__ == "__main__":
    for case, count in CASES.items():
        (HERE / f"{case}.json").write_text(json.dumps(numbers(case, count), indent=1, sort_keys=True) + "\n")
        print("wrote", HERE / f"{case}.json", file=sys.stderr)
