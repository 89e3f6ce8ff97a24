"""Human view of a run summary: the same numbers as ``--json``, as tables."""

from __future__ import annotations

from airshield.cli.output import print_table


def show_run(data: dict) -> None:
    """Print the run summary as tables."""
    print(f"scenario {data['scenario']}: seed {data['seed']}, {data['replications']} replications, "
          f"{data['timing']['wall_s']:.2f} s ({data['timing']['per_replication_s']:.3f} s per replication)")
    counts = ("launched", "destroyed", "ew_lost", "failed", "leaked")
    carriers = data.get("carriers", {})
    if carriers.get("carrier_sorties"):
        counts = (*counts, "returned")
    rows = [(name, *(row[k] for k in counts)) for name, row in data["by_threat"].items()]
    rows.append(("all", *(data["totals"][k] for k in counts)))
    print_table("Threats (means over replications)", ("threat", *counts), rows)
    print_table("Interceptors (means)", ("munition", "expended", "cost_usd"),
                [(m, r["expended"], r["cost_usd"]) for m, r in data["interceptors"].items()])
    value = data["value_lost"]
    print_table("Outcome", ("measure", "value"), [
        ("impacts (warhead-carrying leakers)", data["totals"]["impacts"]),
        ("value lost, mean [value points]", value["mean"]),
        ("value lost, 5th-95th percentile", f"{value['p05']:.2f} .. {value['p95']:.2f}"),
        ("value lost, 95% interval of the mean", f"{value['ci95'][0]:.2f} .. {value['ci95'][1]:.2f}"),
        ("defender spend [USD]", data["cost"]["defender_usd"]),
        ("attacker spend [USD]", data["cost"]["attacker_usd"]),
    ] + _carrier_rows(carriers))


def _carrier_rows(carriers: dict) -> list[tuple]:
    """Sorties, carriers lost, glide bombs released and reaching their targets (when there are carriers)."""
    if not carriers.get("carrier_sorties"):
        return []
    return [("carrier sorties", carriers["carrier_sorties"]), ("carriers shot down", carriers["carriers_lost"]),
            ("glide bombs released", carriers["bombs_released"]),
            ("glide bombs reaching their targets", carriers["bombs_reached"])]
