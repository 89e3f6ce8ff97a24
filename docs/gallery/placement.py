# %% [markdown]
# # A placement: where should one more fire unit go?
#
# Two cities, one far more valuable and more threatened; one IRIS-T SLM to place. The planner
# estimates a coverage model from sampled raids, chooses the site by an exact MILP, then checks
# the choice by simulation against a value-proportional baseline (same seeds).

# %%
import pathlib
import tempfile

from airshield.numbers import format_interval, format_number
from airshield.planning.placement import plan_placement

SCENARIO = """
name: two-cities
theatre: {name: example, centre_lat: 49.0, centre_lon: 32.0, radius_km: 800}
assets:
  - {name: Alpha, lat: 49.0, lon: 31.0, value: 1000, radius_km: 2}
  - {name: Beta, lat: 49.0, lon: 33.5, value: 10, radius_km: 2}
raid:
  waves:
    - {threat: shahed-136, count: 12, launch: {lat: 51.0, lon: 32.0, radius_km: 10}, duration_min: 30, targets: [Alpha]}
    - {threat: shahed-136, count: 2, launch: {lat: 51.0, lon: 32.0, radius_km: 10}, duration_min: 30, targets: [Beta]}
"""
path = pathlib.Path(tempfile.mkdtemp()) / "two-cities.yaml"
path.write_text(SCENARIO)
result = plan_placement(path, "iris-t-slm:1", replications=2, seed=2, samples=1, rings_km=(0.0, 8.0), bearings=4,
                        map_image=False)

# %%
site = [u for u in result.laydown if u["name"].startswith("opt-")][0]
print(f"place {site['type']} at ({site['lat']:.2f}, {site['lon']:.2f})")
for name, mean, low, high, model, _error, _ in result.table():
    interval = format_interval(low, high)
    print(f"{name:>20}: value lost {format_number(mean)} [{interval}] value points (model {format_number(model)})")
assert abs(site["lon"] - 31.0) < 0.5  # next to the valuable, threatened city
