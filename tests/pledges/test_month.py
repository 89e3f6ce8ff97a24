"""Month-by-month stock balance with deliveries, the delivery schedule, and run-out days."""

import datetime as dt

import yaml

from airshield.planning.common import load_base, world_of
from airshield.pledges.deliveries import schedule
from airshield.pledges.ledger import load_ledger
from airshield.pledges.month import CaseState, run_month
from airshield.pledges.night_sim import NightOutcome
from airshield.pledges.nights import Night


class FixedNights:
    """A stand-in simulator: each night fires ``per_night`` rounds of each armed munition (at most
    what the units were issued), so the balance can be checked exactly."""

    def __init__(self, per_night):
        self.per_night = per_night

    def __call__(self, document, key):
        issued = {}
        for u in document["fire_units"]:
            for k, n in list(u["stock"].items()) + list(u["magazine"].items()):
                issued[k] = issued.get(k, 0) + n
        fired = {k: min(n, self.per_night.get(k, 0)) for k, n in issued.items()}
        return NightOutcome(1.0, 10, 5, 2, fired)


def test_stock_balance_with_deliveries_and_runout():
    base = load_base("kyiv-small")
    world = world_of(base.document, label="kyiv-small")
    units = base.document["fire_units"]
    munitions = sorted({m.key for u in units for m in base.catalogue.get_effector(u["type"]).munitions})
    state = CaseState({k: 40 for k in munitions})
    nights = [Night(base.document["raid"], 30, "average")]
    rates = {munitions[0]: 3, munitions[1]: 1}
    previous_end = dict(state.pool)
    for month in range(3):
        delivered = {munitions[0]: 25 * month, munitions[1]: 0}
        row = run_month(state, base_document=base.document, units=units, nights=nights, delivered=delivered,
                        catalogue=base.catalogue, simulate=FixedNights(rates), spawn=(0, month))
        for k, s in row["stocks"].items():
            assert s["end"] == s["start"] + s["delivered"] - s["fired"]
            assert s["start"] == previous_end[k]
            assert s["end"] >= 0
        previous_end = {k: s["end"] for k, s in row["stocks"].items()}
        assert abs(row["value_lost"] - 30.0) < 1e-9
    # 40 rounds at 3 a night: empty on night 14 of month 1
    assert state.runout[munitions[0]] == 14
    assert munitions[1] in state.runout and state.runout[munitions[1]] == 40


def test_schedule_spreads_counts_exactly_and_shifts_late(tmp_path):
    path = tmp_path / "ledger.yaml"
    path.write_text(yaml.safe_dump({"pledges": [
        {"id": "P1", "donor": "T", "system": "patriot", "count": 5, "announced": "2025-06",
         "delivery": {"from": "2025-06", "to": "2025-10"}, "status": "announced", "source": "test"},
        {"id": "M1", "donor": "T", "munition": "pac-3-mse", "count": 100, "announced": "2025-06",
         "delivery": {"from": "2025-08", "to": "2025-10"}, "status": "announced", "source": "test"}]}))
    ledger = load_ledger(path)
    start = dt.date(2025, 7, 1)
    on_time = schedule(ledger, start, 6, "on_time")
    assert sum(a.systems.get("patriot", 0) for a in on_time) == 4  # June's share is before the start
    assert sum(a.rounds.get("pac-3-mse", 0) for a in on_time) == 100
    late = schedule(ledger, start, 6, "late", delay=3)
    assert [a.systems.get("patriot", 0) for a in late][:3] == [0, 0, 0]
    assert [a.systems.get("patriot", 0) for a in late][3:] == [a.systems.get("patriot", 0) for a in on_time][:3]
    assert all(not a.rows for a in schedule(ledger, start, 6, "none"))


def test_june_2025_nights_match_the_records_and_run():
    from airshield.history import load_records, summarise
    from airshield.pledges.june2025 import june_nights, run_june_2025
    from airshield.pledges.outlook import GROUPS
    nights = june_nights()
    table = summarise(load_records(), by="month")
    june = table[(table.period == "2025-06") & table.threat_class.isin(list(GROUPS))]
    assert nights.launched.sum() == june.launched.sum()
    assert 28 <= nights.night.nunique() <= 31
    data = run_june_2025("kyiv-small", replications=2, nights=2)
    assert len(data["nights"]) == 2 and "drones" in data["groups"]
    assert 0.0 <= data["groups"]["drones"]["simulated"]["mean"] <= 1.0
