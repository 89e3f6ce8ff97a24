# %% [markdown]
# # A doctrine comparison: the same raid under two fire-control policies
#
# Each policy runs the same replications with the same seeds (common random numbers), so the
# difference between policies is what the policy did, not luck. A smaller drone wave keeps this
# example quick.

# %%
from airshield.runs import RunOptions
from airshield.runs.doctrine_compare import compare_doctrine
from airshield.numbers import format_number
from airshield.world import load_world

world = load_world("kyiv-small", {"raid.waves[0].count": 20, "raid.waves[1].count": 6})
policies = ({"doctrine.assigner": "greedy", "doctrine.shoot_look_shoot": True},
            {"doctrine.assigner": "cost-aware", "doctrine.shoot_look_shoot": True})
table = compare_doctrine(dict(world.document), RunOptions(seed=3, replications=2, progress=False), policies=policies)

# %% [markdown]
# One row per policy and measure, with the unit, the mean and its 95 % interval.

# %%
shown = table[table.metric.isin(["value_lost", "interceptors_expended", "defender_usd"])]
columns = ["policy", "metric", "unit", "mean", "ci95_low", "ci95_high"]
print(shown[columns].to_string(index=False, float_format=format_number))
spend = table[table.metric == "defender_usd"].set_index("policy")["mean"]
print(f"the cost-aware policy spends {spend['cost-aware'] / spend['greedy']:.0%} of what greedy spends")
assert (table["ci95_low"].dropna() >= 0).all()
