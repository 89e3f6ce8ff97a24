# %% [markdown]
# # A raid: what one night does against a defence
#
# Run the built-in `kyiv-small` raid (about 60 drones and decoys, a few cruise and ballistic
# missiles) a few times and read the results as numbers with units, tidy tables and a map-ready
# event log. Run it with `python docs/gallery/raid.py` or open it as a notebook (jupytext).

# %%
import airshield
from airshield.numbers import format_number

result = airshield.run("kyiv-small", replications=3, seed=1, keep_events=True, progress=False)
print(result)  # scenario, seed, replications, value lost with its 95 % interval and unit

# %% [markdown]
# The summary is typed: counts are threats per raid (means over replications), value lost is an
# estimate with its interval, money is in USD.

# %%
summary = result.summary
print(f"launched {summary.totals.launched:.0f}, leaked {summary.totals.leaked:.1f}, "
      f"impacts {summary.totals.impacts:.1f} threats per raid")
value = summary.value_lost
print(f"value lost {value.mean:.3g} [{value.low:.3g}, {value.high:.3g}] {value.unit} ({value.method})")
print(f"cost-exchange ratio {summary.cost.exchange_ratio:.2f} USD per USD")
assert summary.totals.launched == 68 and value.low >= 0

# %% [markdown]
# Tidy tables for pandas: one row per summary measure, and one per replication and measure.

# %%
frame = result.summary_frame()
spend = frame[frame.section == "interceptors"][["key", "measure", "mean", "unit"]]
print(spend.to_string(index=False, float_format=format_number))
per_replication = result.metrics_frame()
totals = per_replication[per_replication.section.isin(["totals", "value_lost"])]
print(totals.pivot(index="replication", columns="measure", values="value")[["leaked", "value_lost"]])

# %% [markdown]
# The event log of a replication, with positions in degrees and times as timestamps
# (the scenario's `run.start` plus seconds since the raid began).

# %%
log = result.event_logs[0]
impacts = log[log.kind == "impact"][["timestamp", "threat_type", "lat", "lon"]]
print(impacts.head())
assert impacts["lat"].between(44, 53).all()
