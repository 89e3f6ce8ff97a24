"""The calibrated national night ``ukraine-2025``: its shares sit inside the records' range for raids
of its size and mix, and it carries its calibration provenance."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from airshield.catalogue import load_catalogue
from airshield.history.cases import cases_from, raids_between
from airshield.history.forecast.simulate import reported_counts
from airshield.runs import run_monte_carlo
from airshield.runs.options import RunOptions
from airshield.scenario.builtin import builtin_dir
from airshield.world import load_world


@pytest.fixture(scope="module")
def simulated():
    world = load_world("ukraine-2025")
    result = run_monte_carlo(world, RunOptions(seed=1, replications=2))
    catalogue = load_catalogue()  # class lookup only: the scenario overrides figures, not classes
    totals: dict[str, np.ndarray] = {}
    for metrics in result.metrics:
        for group, counts in reported_counts(metrics.by_threat, catalogue).items():
            totals[group] = totals.get(group, np.zeros(3)) + np.array(counts)
    return {g: {"launched": c[0] / 2, "neutralised": (c[1] + c[2]) / c[0]} for g, c in totals.items()}


@pytest.fixture(scope="module")
def cases_2025(shipped):
    return cases_from(raids_between(shipped, pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-30")), None)


def _records_range(cases, group: str, launched: float) -> tuple[float, float]:
    low_size, high_size = (launched / 2, launched * 2) if group == "drone" else (launched / 2, np.inf)
    shares = [c.reported.loc[group, "neutralised"] for c in cases
              if group in c.reported.index and low_size <= c.reported.loc[group, "launched"] <= high_size]
    assert len(shares) >= 5
    return float(np.percentile(shares, 10)), float(np.percentile(shares, 90))


@pytest.mark.parametrize("group", ["drone", "cruise"])
def test_shares_sit_inside_the_records_range(cases_2025, simulated, group):
    low, high = _records_range(cases_2025, group, simulated[group]["launched"])
    assert low <= simulated[group]["neutralised"] <= high, (group, simulated[group], low, high)


def test_calibration_provenance_is_shipped():
    provenance = json.loads((builtin_dir() / "ukraine-2025.calibration.json").read_text())
    for name in ("pk_drone", "pk_cruise"):
        fitted = provenance["parameters"][name]
        assert fitted["raids"] and fitted["ci90"][0] <= fitted["value"] <= fitted["ci90"][1]
