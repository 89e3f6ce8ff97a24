"""Files of an assessment in ``--out``: months.csv, stocks.csv, plan.json and scenario.yaml."""

from __future__ import annotations

from pathlib import Path

from airshield.planning.common import write_record


def write_assessment(out: Path, base, result) -> None:
    """Write the per-replication tables and the record (settings, seeds, results)."""
    out.mkdir(parents=True, exist_ok=True)
    result.tables["months"].to_csv(out / "months.csv", index=False)
    result.tables["stocks"].to_csv(out / "stocks.csv", index=False)
    result.files.update({"months": str(out / "months.csv"), "stocks": str(out / "stocks.csv"),
                         "record": str(out / "plan.json"), "scenario": str(out / "scenario.yaml")})
    write_record(out, kind="pledges", base=base, settings=result.settings, results=result.to_dict())
