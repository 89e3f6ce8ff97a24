"""Coverage per altitude band: horizon-limited discs, oblast shares, the CLI table, JSON and map."""

import json

import numpy as np
from click.testing import CliRunner

from airshield.cli.coverage import coverage
from airshield.geo import LocalProjection, radar_horizon
from airshield.sensing import make_sensors
from airshield.sensing.coverage import coverage_grid


def test_single_radar_disc_grows_with_altitude():
    proj = LocalProjection(49.0, 31.5)
    radar = make_sensors([0.0], [0.0], z=10.0, range=150e3, min_alt=10.0)
    cov = coverage_grid(radar, proj, altitudes=(5.0, 30.0, 500.0, 5000.0), cell=20e3)
    counts = cov.seen[:, 0].sum(axis=(1, 2))
    assert counts[0] == 0  # below the radar's lowest altitude
    assert counts[1] < counts[2] < counts[3]
    gx, gy = np.meshgrid(cov.x, cov.y)
    d = np.hypot(gx, gy)
    assert np.all(d[cov.seen[1, 0]] <= radar_horizon(10.0, 30.0))
    assert np.all(d[cov.seen[3, 0]] <= 150e3)


def test_coverage_cli_json_and_map(tmp_path):
    out = tmp_path / "cov.png"
    result = CliRunner().invoke(coverage, ["kyiv-small", "--altitudes", "100,2000", "--cell-km", "25",
                                           "--json", "--map", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    ukraine = [r for r in data["shares"] if r["oblast"] == "Ukraine"]
    assert [r["altitude_m"] for r in ukraine] == [100.0, 2000.0]
    assert 0 < ukraine[0]["any"] <= ukraine[1]["any"] <= 1
    kyiv = [r for r in data["shares"] if r["iso"] == "UA-30"]
    assert kyiv and kyiv[-1]["any"] == 1.0
    assert out.stat().st_size > 10_000


def test_coverage_cli_table_and_bad_altitudes():
    result = CliRunner().invoke(coverage, ["kyiv-small", "--altitudes", "500", "--cell-km", "40"])
    assert result.exit_code == 0 and "Ukraine" in result.output
    bad = CliRunner().invoke(coverage, ["kyiv-small", "--altitudes", "low"])
    assert bad.exit_code != 0 and "altitudes" in bad.output
