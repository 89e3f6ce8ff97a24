"""The pledge ledger: the shipped rows, and clear errors for bad user ledgers."""

import json

import pytest
import yaml
from click.testing import CliRunner

from airshield.cli.main import cli
from airshield.errors import InputError
from airshield.pledges import load_ledger

GOOD = {"id": "X1", "donor": "Testland", "reported_as": "2 Patriot batteries", "system": "patriot",
        "munition": "pac-3-mse", "count": 2, "announced": "2025-07-01",
        "delivery": {"from": "2025-09", "to": "2025-10"}, "status": "announced", "source": "test, https://example.org, 2025"}


def _write(tmp_path, rows, name="ledger.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"pledges": rows}))
    return path


def test_shipped_ledger_is_sourced_and_has_germanys_four_iris_t():
    ledger = load_ledger()
    assert len(ledger.pledges) >= 25
    assert all(p.source.strip() for p in ledger.pledges)
    iris = [p for p in ledger.pledges if p.donor == "Germany" and p.system == "iris-t-slm"
            and p.announced[0].year == 2025 and p.count == 4]
    assert iris and iris[0].simulated


def test_includes_are_not_double_counted():
    rows = load_ledger().by_id()
    assert rows["A49"].model_count == rows["A49"].count - rows["A51"].count
    assert not rows["A55"].simulated and rows["A55"].not_counted


@pytest.mark.parametrize("change, words", [
    ({"system": "patriott"}, "did you mean 'patriot'"),
    ({"munition": "iris-t"}, "patriot cannot fire 'iris-t'"),
    ({"count": -2}, "negative"),
    ({"delivery": {"from": "2025-10", "to": "2025-09"}}, "ends"),
    ({"delivery": {"from": "2025-01", "to": "2025-02"}}, "before the announcement"),
    ({"announced": "2025-13"}, "not a calendar date"),
    ({"status": "promised"}, "unknown status"),
    ({"source": ""}, "missing 'source'"),
    ({"colour": "red"}, "unknown field 'colour'"),
])
def test_bad_rows_name_file_row_and_field(tmp_path, change, words):
    path = _write(tmp_path, [GOOD, {**GOOD, "id": "X2", **change}])
    with pytest.raises(InputError) as err:
        load_ledger(path)
    assert words in str(err.value)
    assert str(path) in str(err.value) and "pledges[1]" in str(err.value)


def test_csv_ledger_reads_like_yaml(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_text("id,donor,system,count,announced,delivery_from,delivery_to,status,source\n"
                    "C1,Testland,nasams,1,2025-06,2025-08,2025-09,announced,test https://example.org\n")
    (row,) = load_ledger(path).pledges
    assert row.system == "nasams" and row.simulated and row.delivery[0].month == 8


def test_cli_list_json_and_exit_2_on_bad_ledger(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["pledges", "list", "--json"])
    assert result.exit_code == 0
    assert len(json.loads(result.output)) >= 25
    bad = _write(tmp_path, [{**GOOD, "system": "iris-t-slx"}])
    result = runner.invoke(cli, ["pledges", "list", "--ledger", str(bad)])
    assert result.exit_code == 2 and "did you mean 'iris-t-slm'" in result.output
    assert "Traceback" not in result.output
