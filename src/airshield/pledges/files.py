"""Files of an assessment in ``--out``: months.csv, stocks.csv, pledges.png, plan.json, scenario.yaml."""

from __future__ import annotations

from pathlib import Path

from airshield.planning.common import write_record


def write_assessment(out: Path, base, result) -> None:
    """Write the per-replication tables, the plot and the record (settings, seeds, results)."""
    from airshield.report.pledges_plots import cases_figure
    out.mkdir(parents=True, exist_ok=True)
    result.tables["months"].to_csv(out / "months.csv", index=False)
    result.tables["stocks"].to_csv(out / "stocks.csv", index=False)
    figure = cases_figure(result.to_dict())
    figure.tight_layout()
    figure.savefig(out / "pledges.png")
    result.files.update({"months": str(out / "months.csv"), "stocks": str(out / "stocks.csv"),
                         "plot": str(out / "pledges.png"), "record": str(out / "plan.json"),
                         "scenario": str(out / "scenario.yaml")})
    write_record(out, kind="pledges", base=base, settings=result.settings, results=result.to_dict())
