"""Campaign: stock accounting balances per munition per day; deliveries arrive; bad input exits 2."""

import json

import yaml
from click.testing import CliRunner

from airshield.cli.plan import campaign
from airshield.planning.campaign import run_campaign
from airshield.planning.schedule import delivered


def test_stock_balance_per_munition_per_day(two_cities, tmp_path):
    nights = tmp_path / "nights.yaml"
    nights.write_text(yaml.safe_dump([{"day": 1, "drones": 1.0}, {"day": 2, "drones": 2.0}, {"day": 4, "drones": 1.5}]))
    result = run_campaign(two_cities, days=4, raids=nights, stocks="iris-t:30", deliveries=["iris-t:+6/week"],
                          what_ifs=["iris-t:+30/month"], replications=2, seed=3, out=tmp_path / "c")
    table = result.stocks
    assert (table.start + table.delivered - table.fired == table.end).all()
    assert (table.end >= 0).all() and (table.fired > 0).any()
    for (case, rep, munition), rows in table.groupby(["case", "replication", "munition"]):
        rows = rows.sort_values("day")
        assert (rows.start.to_numpy()[1:] == rows.end.to_numpy()[:-1]).all()  # carried over
        assert rows.start.iloc[0] == 30
    base = table[table.case == "base"]
    assert base.delivered.sum() == 2 * sum(delivered(6 / 7, d) for d in range(4))
    assert (result.losses.loc[result.losses.day == 3, "simulated"] == False).all()  # no raid on day 3
    record = json.loads((tmp_path / "c" / "plan.json").read_text())
    assert record["settings"]["seed"] == 3 and record["settings"]["start_stocks"]["iris-t"] == 30


def test_delivery_integers_sum_exactly():
    assert sum(delivered(20 / 30, d) for d in range(90)) == 60
    assert sum(delivered(1000 / 30, d) for d in range(30)) == 1000


def test_campaign_is_reproducible(two_cities, tmp_path):
    nights = tmp_path / "nights.yaml"
    nights.write_text(yaml.safe_dump([{"day": 1, "drones": 1.0}]))
    a = run_campaign(two_cities, days=1, raids=nights, replications=1, seed=9)
    b = run_campaign(two_cities, days=1, raids=nights, replications=1, seed=9)
    assert a.stocks.equals(b.stocks) and a.losses.equals(b.losses)


def test_unknown_munition_exit_2(two_cities):
    result = CliRunner().invoke(campaign, [str(two_cities), "--days", "2", "--what-if", "iris-tt:+20/month"])
    assert result.exit_code == 2
    assert "did you mean 'iris-t'" in result.output
