"""``airshield compare-scenarios``: paired differences as JSON or a table."""

import json

from airshield.cli.main import main


def test_compare_scenarios_json(capsys):
    code = main(["compare-scenarios", "front-kharkiv", "front-kharkiv-ambush", "-n", "2", "--seed", "16",
                 "--metric", "bombs_reached", "--metric", "carriers_lost", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0 and [r["metric"] for r in rows] == ["bombs_reached", "carriers_lost"]
    assert all(set(r) >= {"a_mean", "b_mean", "difference", "difference_ci95"} for r in rows)


def test_compare_scenarios_unknown_name_exits_2(capsys):
    assert main(["compare-scenarios", "front-kharkiv", "front-kharkov", "-n", "2"]) == 2
    assert "front-kharkiv" in capsys.readouterr().err


def test_compare_scenarios_unknown_metric_exits_2(capsys):
    assert main(["compare-scenarios", "front-kharkiv", "front-kharkiv-sam", "-n", "2", "--metric", "bombs_reachd"]) == 2
    err = capsys.readouterr().err
    assert "--metric" in err and "bombs_reachd" in err and "Traceback" not in err
