# %% [markdown]
# # A validation: the model against recorded raids
#
# Take a few small raids the Air Force reported, give the model only what was launched (types,
# counts, places, date), predict the shares destroyed and EW-lost against an illustrative
# laydown, and score the prediction against the report and against a naive baseline (the mean
# share of the 60 days before). The full, calibrated study is `docs/validation.md`; this is its
# smallest form (uncalibrated default parameters, two replications).

# %%
import pandas as pd

from airshield.history import load_records
from airshield.history.calibrate import Calibration
from airshield.history.cases import cases_from, raids_between
from airshield.history.params import ReplayParams
from airshield.history.replay import load_laydown
from airshield.history.validate import add_baselines, predict_cases, score
from airshield.numbers import format_number

records = load_records()
start = pd.Timestamp("2024-09-01")
candidates = cases_from(raids_between(records, start, start + pd.Timedelta(days=14)), None)
test = sorted((c for c in candidates if c.spec.launched >= 5), key=lambda c: c.spec.launched)[:3]
history = cases_from(raids_between(records, start - pd.Timedelta(days=60), start), None)
uncalibrated = Calibration(ReplayParams(), (), pd.DataFrame())
rows = predict_cases(test, load_laydown("kyiv-small"), uncalibrated, replications=2, seed=1)
rows = add_baselines(rows, history, start)

# %%
columns = ["raid", "group", "launched", "pred_neutralised", "rep_neutralised", "base_mean_neutralised"]
print(rows[columns].to_string(index=False, float_format=format_number))
for group, s in score(rows).items():
    print(f"{group}: mean absolute error of the neutralised share {s['mae_neutralised']:.2f} "
          f"(baseline {s['baseline_mean_mae_neutralised']:.2f}) over {s['raids']} raids")
assert len(rows) >= 1 and rows["pred_neutralised"].between(0, 1).all()
