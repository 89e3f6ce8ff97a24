"""Files of an attack plan: plan.json, scenario.yaml, raid.yaml (the best raid as a runnable scenario),
attack.csv (the raid lane by lane) and attack.png (the map)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from airshield.planning.attack.mapplot import plot_raids
from airshield.planning.attack.space import AttackSpace
from airshield.planning.common import Base, write_record


def write_attack(out: Path, base: Base, result, world, space: AttackSpace, raids: dict[str, np.ndarray],
                 map_image: bool) -> None:
    """Write the plan's files into ``out`` and list them in ``result.files``."""
    out.mkdir(parents=True, exist_ok=True)
    files = {"record": str(out / "plan.json"), "scenario": str(out / "scenario.yaml"), "raid": str(out / "raid.yaml")}
    with (out / "attack.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["threat", "launch", "target", "count"])
        writer.writeheader()
        writer.writerows(result.allocation)
    files["table"] = str(out / "attack.csv")
    if map_image:
        best, scenario = result.best_value_lost, result.scenario_value_lost
        plot_raids(out / "attack.png", world=world, space=space, raids=raids,
                   title=f"{world.name}: best response ({result.objective}) {best['mean']:.3g} "
                         f"vs scenario raid {scenario['mean']:.3g} value lost")
        files["map"] = str(out / "attack.png")
    result.files = files
    write_record(out, kind="attack", base=base, settings=result.settings, results=result.to_dict(),
                 extra_documents={"raid.yaml": {"extends": "scenario.yaml", "raid": result.raid}})
