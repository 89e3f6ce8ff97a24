"""The compiled fast path of the event loop (numba), equal event for event to the reference loop.

:mod:`airshield.engine.loop` is the reference: readable, vectorised per decision, and the path
for every assigner. For the greedy and cost-aware policies the same loop runs compiled
(:mod:`.kernel`), fed by :mod:`.inputs`; tests compare the EventLogs of both on the same seeds.
Every formula is the reference's, in the same order of floating-point operations (numpy's pairwise
sums included, :mod:`.sums`), so the logs are identical, not merely close.
"""

from airshield.engine.compiled.run import compiled_available, run_compiled

__all__ = ["compiled_available", "run_compiled"]
