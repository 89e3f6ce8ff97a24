"""Placement of ~20 fire units over ~200 candidate sites on the national scenario, with verification.

Run: ``python benchmarks/placement_national.py [--replications N] [--samples S] [--json]``.

The scenario is ``ukraine-national`` with its Patriot, IRIS-T SLM, NASAMS and Gepard units cut to the
first 4, 6, 4 and 6 (so "the scenario's own laydown" has the same 20 units as the planner places);
every other unit stays. Candidate sites: each asset's centre and 4 bearings at 15 km (~200 sites).
Prints the wall time of each stage, the model gap, and value lost with 95 % intervals for the
optimised laydown and both baselines (and the paired differences).
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

import yaml

from airshield.planning.common import load_base
from airshield.planning.placement import plan_placement

UNITS = {"patriot": 4, "iris-t-slm": 6, "nasams": 4, "gepard": 6}


def cut_scenario(folder: Path) -> Path:
    """ukraine-national with only the first UNITS[t] units of each placed type."""
    base = load_base("ukraine-national")
    seen: dict[str, int] = {}
    units = []
    for unit in base.document["fire_units"]:
        t = unit["type"]
        if t in UNITS:
            seen[t] = seen.get(t, 0) + 1
            if seen[t] > UNITS[t]:
                continue
        units.append(unit)
    path = folder / "national-cut.yaml"
    path.write_text(yaml.safe_dump({"extends": "ukraine-national", "name": "ukraine-national-cut",
                                    "fire_units": units}, sort_keys=False))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--samples", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--out", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scenario = cut_scenario(Path(tmp))
        start = time.perf_counter()
        result = plan_placement(scenario, dict(UNITS), replications=args.replications, seed=args.seed,
                                samples=args.samples, time_limit=args.time_limit, rings_km=(0.0, 15.0), bearings=4,
                                out=args.out, map_image=args.out is not None)
        wall = time.perf_counter() - start
    report = {"machine": platform.platform(), "python": platform.python_version(), "units": UNITS,
              "sites": result.model["sites"], "threat_rows": result.model["threat_rows"],
              "timing": result.timing, "wall_s": wall, "model": {k: result.model[k] for k in (
                  "gap", "value_saved", "greedy_value", "upper_bound", "milp_rounds", "value_lost")},
              "verification": result.verification}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{sum(UNITS.values())} units over {report['sites']} candidate sites, {report['threat_rows']} threat rows")
    print("timing [s]: " + ", ".join(f"{k} {v:.1f}" for k, v in result.timing.items()))
    m = report["model"]
    print(f"model: value saved {m['value_saved']:.4g} (greedy {m['greedy_value']:.4g}), upper bound "
          f"{m['upper_bound']:.4g}, gap {m['gap']:.3%}, {m['milp_rounds']} MILP rounds")
    for name, v in result.verification["laydowns"].items():
        diff = v.get("minus_optimised")
        extra = f"; minus optimised {diff['mean']:.4g} [{diff['ci95'][0]:.4g}, {diff['ci95'][1]:.4g}]" if diff else ""
        print(f"{name:>20}: value lost {v['mean']:.4g} [{v['ci95'][0]:.4g}, {v['ci95'][1]:.4g}] "
              f"(n={v['n']}){extra}")


if __name__ == "__main__":
    main()
