"""Kicks concentrated on a region of related targets, instead of units scattered over all targets.

A kick of random units sends each to a random target: many small, unrelated perturbations. A
*region* of related targets (:func:`related_targets`: targets held by the likeliest killers of
targets already in it, breadth first from one target) is where a different arrangement of the same
weapons can pay off together; moving all units on it to random targets of the region
(:func:`region_kicked`) perturbs one such arrangement as a whole (as the related removal of
ruin-and-recreate methods does), and the search then rebuilds it, possibly differently. Measured
against random kicks in docs/wta.md ("Region kicks").
"""

from __future__ import annotations

import numpy as np

from airshield.wta.local_search import SearchState


def related_targets(x: np.ndarray, killers: np.ndarray, start: int, size: int, top: int = 4) -> np.ndarray:
    """Up to ``size`` targets, ``start`` first, then breadth first: from each target, every target
    held in ``x`` (W, T) by one of its ``top`` likeliest killers (``killers`` (T, W):
    :func:`~airshield.wta.matching.kill_order`), in increasing target order per weapon."""
    seen, queue, head = {start}, [start], 0
    while head < len(queue) and len(queue) < size:
        j = queue[head]
        head += 1
        for i in killers[j, :top]:
            for k in np.flatnonzero(x[i]):
                if len(queue) < size and int(k) not in seen:
                    seen.add(int(k))
                    queue.append(int(k))
    return np.array(queue, dtype=np.int64)


def region_kicked(state: SearchState, rng: np.random.Generator, killers: np.ndarray, size: int) -> SearchState:
    """A copy of ``state`` whose units on a region of ``size`` related targets (grown from a target
    drawn with probability proportional to its surviving value) go to random targets of the region,
    target by target in the region's order (a unit sent to a target not yet visited moves again there)."""
    trial = SearchState.start(state.problem, state.x, state.a)
    if trial.objective <= 0:
        return trial
    region = related_targets(trial.x, killers, int(rng.choice(trial.surv.size, p=trial.surv / trial.surv.sum())), size)
    for j in region:
        for i in np.repeat(np.arange(trial.x.shape[0]), trial.x[:, j]):
            trial.shift(int(i), int(j), int(region[rng.integers(region.size)]))
    return trial
