"""How sharp are paired comparisons of doctrines? Width of the 95 % interval of the paired
difference in value lost (policy minus greedy, per replication on the same seeds) against the
width of the unpaired interval (the two means' intervals combined), for the airshield on the path.

    python benchmarks/paired_doctrine.py [SCENARIO] [--replications 20] [--seed 1] [--json]

Run it with PYTHONPATH pointing at another checkout's src to measure an older engine.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from scipy import stats

POLICIES = ({"doctrine.assigner": "greedy"}, {"doctrine.assigner": "greedy", "doctrine.shoot_look_shoot": False},
            {"doctrine.assigner": "cost-aware"}, {"doctrine.assigner": "wta"})


def world_of(scenario: str, overrides: dict):
    try:
        from airshield.world import load_world
        return load_world(scenario, overrides)
    except ImportError:  # before the World became the one door
        from airshield.scenario.validate import load_world_with
        return load_world_with(scenario, overrides)


def value_lost(scenario: str, overrides: dict, seed: int, replications: int) -> np.ndarray:
    from airshield.runs import run_monte_carlo
    world = world_of(scenario, overrides)
    try:
        from airshield.runs.options import RunOptions
        result = run_monte_carlo(world, RunOptions(seed=seed, replications=replications))
    except ImportError:  # before RunOptions
        result = run_monte_carlo(world, seed=seed, replications=replications, keep_in_memory=True)
    return np.array([m.value_lost for m in result.metrics])


def half_width(values: np.ndarray) -> float:
    """Half-width of the Student-t 95 % interval of the mean [value points]."""
    return float(stats.t.ppf(0.975, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="kyiv-small")
    parser.add_argument("--replications", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = [value_lost(args.scenario, p, args.seed, args.replications) for p in POLICIES]
    rows = []
    for policy, values in zip(POLICIES[1:], runs[1:]):
        diff = values - runs[0]
        unpaired = float(np.hypot(half_width(values), half_width(runs[0])))
        rows.append({"policy": ", ".join(f"{k}={v}" for k, v in policy.items()), "mean_difference": float(diff.mean()),
                     "paired_half_width": half_width(diff), "unpaired_half_width": unpaired,
                     "paired_over_unpaired": half_width(diff) / unpaired if unpaired > 0 else None})
    print(json.dumps(rows, indent=2) if args.json else "\n".join(str(r) for r in rows))


if __name__ == "__main__":
    main()
