# %% [markdown]
# # A campaign: how long do interceptor stocks last?
#
# Nightly raids (here two nights from a small raids file) against depleting national stocks,
# with deliveries. Each replication is a whole campaign; the run-out day of each munition and the
# value lost per campaign come with their intervals.

# %%
import pathlib
import tempfile

from airshield.planning.campaign import run_campaign

folder = pathlib.Path(tempfile.mkdtemp())
nights = folder / "nights.yaml"
nights.write_text("- {day: 1, drones: 0.5, missiles: 0}\n- {day: 2, drones: 0.5, missiles: 1}\n")
result = run_campaign("kyiv-small", days=2, raids=nights, stocks="iris-t:12,pac-3-mse:4",
                      deliveries=["iris-t:+4/week"], replications=1, seed=1)

# %%
for case, munition, runs_out, mean_day, *_ in result.runout_rows():
    print(f"{case}: {munition} ran out in {runs_out} campaigns (mean day {mean_day})")
stocks = result.stocks.groupby(["munition", "day"])["end"].mean().unstack("day")
print(stocks)
assert (result.stocks["end"] >= 0).all()
