import json

import numpy as np
import pytest
from click.testing import CliRunner

from airshield.cli.wta import wta
from airshield.errors import InputError
from airshield.wta import read_instance


@pytest.fixture
def instance(tmp_path):
    path = tmp_path / "inst.txt"
    result = CliRunner().invoke(wta, ["generate", "--weapons", "6", "--targets", "5", "--mu", "2",
                                      "--seed", "3", "--out", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("solver", ["greedy", "heuristic", "exact"])
def test_solve_json(instance, solver):
    limit = "20" if solver == "exact" else "0.5"      # the heuristic improves until its limit
    result = CliRunner().invoke(wta, ["solve", str(instance), "--solver", solver, "--time-limit", limit,
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"objective", "bound", "time_s", "solver", "assignment", "gap", "optimal"}
    assert data["solver"] == solver
    prob = read_instance(instance)
    x = np.zeros((prob.weapons, prob.targets), dtype=int)
    for i, j, units in data["assignment"]:
        assert units > 0
        x[i, j] = units
    assert prob.objective(x) == pytest.approx(data["objective"])
    assert np.all(x.sum(axis=1) <= prob.mu)
    if solver == "exact":
        assert data["optimal"] and data["bound"] <= data["objective"] + 1e-9
    else:
        assert data["bound"] is None


def test_solve_table(instance):
    result = CliRunner().invoke(wta, ["solve", str(instance)])
    assert result.exit_code == 0
    assert "objective" in result.output and "weapon" in result.output


def test_generate_sparse(tmp_path):
    path = tmp_path / "s.txt"
    result = CliRunner().invoke(wta, ["generate", "-w", "4", "-t", "10", "--sparse", "0.3", "--seed", "1",
                                      "--out", str(path)])
    assert result.exit_code == 0
    assert np.all((read_instance(path).p > 0).sum(axis=1) == 3)


def test_malformed_file_raises_input_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("2 2 1\n10\n20\n0 1 1.5\n")
    result = CliRunner().invoke(wta, ["solve", str(path)])
    assert isinstance(result.exception, InputError)
    assert result.exception.path == "line 4"
