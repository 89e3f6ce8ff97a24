"""Run the event loop compiled when the policy allows it, and hand its rows to the EventLog."""

from __future__ import annotations

import numpy as np

from airshield.c2 import GreedyAssigner
from airshield.engine.candidates import CandidateBuilder
from airshield.engine.defence import DefenceState


def compiled_available(assigner, c2_cycle: float = 2.0) -> bool:
    """Whether the compiled loop can run ``assigner`` (greedy and cost-aware policies, decisions on
    a grid of ``c2_cycle`` > 0 s) here."""
    if type(assigner) is not GreedyAssigner or not c2_cycle > 0:
        return False
    try:
        import numba  # noqa: F401
    except ImportError:  # pragma: no cover - numba is a dependency; a platform without wheels falls back
        return False
    return True


def run_compiled(world, draws, flights, fates, pairs, assigner, streams, log) -> np.ndarray:
    """Run the loop compiled, append its rows to ``log`` (an EventLogBuilder) and return when each
    threat ended [s] (inf if still flying)."""
    from airshield.engine.compiled import inputs
    from airshield.engine.compiled.kernel import LOG_COLUMNS, LOOP_KINDS, run_loop
    from airshield.engine.compiled.queue import new_queue

    settings = world.run.engine
    builder = CandidateBuilder(world, draws, flights, pairs, world.doctrine.value_per_musd > 0,
                               settings.evaluation_period)
    end_xyz = flights.position(np.arange(draws.n), fates.end_time)
    luck = streams.uniform("kill", np.arange(draws.n))
    st = inputs.static(world, draws, flights, fates, builder, luck, end_xyz)
    mu = inputs.mutable(world, draws.n, len(pairs.threat), DefenceState.start(world))
    table = np.empty((max(64, 8 * draws.n), len(LOG_COLUMNS)))
    queue = new_queue(4 * draws.n + 64)
    table, rows = run_loop(inputs.pair_table(builder), st, mu, queue, np.unique(pairs.open), float(world.horizon),
                           float(settings.c2_cycle), float(settings.look), bool(builder.cost_aware),
                           float(assigner.value_per_usd), table)
    log.add_table(table[:rows], LOOP_KINDS)
    return mu.ended_at
