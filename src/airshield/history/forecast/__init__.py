"""Honest forecasts from the raid records: a defence that grows by dated epochs (``epochs``, ``dated``),
one simulation per raid against the defence of its date (``simulate``, ``observations``), a drifting-level
link recalibrated at every rolling step (``kalman``, ``fit``, ``rolling``), predictive draws that carry the
simulation's, the parameters' and the raids' own uncertainty (``predictive``), and proper scores against
both baselines (``scores``, ``baselines``, ``summary``). See docs/history.md ("Forecasting").
"""
