"""The assessment on kyiv-small: JSON keys, paired cases, and late/none never better than on time."""

import json

import pytest
import yaml
from click.testing import CliRunner

from airshield.cli.main import cli
from airshield.pledges.assess import assess_pledges

THREAT = "drones:20/night,cruise:1/night,ballistic:0.3/night"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "ledger.yaml"
    path.write_text(yaml.safe_dump({"pledges": [
        {"id": "T1", "donor": "Testland", "system": "iris-t-slm", "munition": "iris-t", "count": 2, "rounds": 48,
         "announced": "2025-06", "delivery": {"from": "2025-07", "to": "2025-07"}, "status": "announced",
         "source": "test row"},
        {"id": "T2", "donor": "Testland", "munition": "sting", "count": 300, "announced": "2025-06",
         "delivery": {"from": "2025-07", "to": "2025-08"}, "status": "announced", "source": "test row"}]}))
    return path


@pytest.fixture(scope="module")
def result(ledger):
    return assess_pledges("kyiv-small", months=2, start="2025-07", ledger=ledger, delay=1, replications=3,
                          threat=THREAT, budget=None, workers=1)


def test_json_keys(result):
    data = json.loads(json.dumps(result.to_dict(), default=str))
    assert {"months", "shortfall", "buy"} <= set(data)
    assert len(data["months"]) == 2 * 3
    for m in data["months"]:
        assert {"month", "case", "neutralised_share", "value_lost", "stocks"} <= set(m)
        assert {"mean", "ci95"} <= set(m["neutralised_share"])
    assert {m["case"] for m in data["months"]} == {"on_time", "late", "none"}
    assert data["shortfall"]["target"] > 0


def test_cases_share_nights_and_later_is_never_better(result):
    assert result.timing["shared_runs"] > 0  # common random numbers: identical nights are simulated once
    for m in result.months:
        if m["case"] == "on_time":
            continue
        worse_loss = m["minus_on_time"]["value_lost"]
        worse_share = m["minus_on_time"]["neutralised_share"]
        assert worse_loss["ci95"][1] >= -1e-9, m
        assert worse_share["ci95"][0] <= 1e-9, m
    first = [m for m in result.months if m["month"] == "2025-07"]
    late, none = (next(m for m in first if m["case"] == c) for c in ("late", "none"))
    assert late["value_lost"] == none["value_lost"]  # nothing has arrived yet in either


def test_cli_assess_bad_input_exit_2():
    runner = CliRunner()
    result = runner.invoke(cli, ["pledges", "assess", "kyiv-small", "--threat", "drones:lots", "--budget", "0"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_report_has_cases_ledger_sources_and_shortfall(result, tmp_path):
    from airshield.report.pledges import write_pledges_report
    html = write_pledges_report(result, tmp_path).read_text()
    for words in ("Three cases", "Month by month", "Shortfall", "Buy list", "Ledger", "data:image/png;base64"):
        assert words in html
    assert "Testland" in html and "test row" in html  # the ledger given, with its sources
