"""The event queue of one replication: a simpy-style heap of (time, priority, sequence, payload).

Equal times are ordered by priority, then by insertion sequence, so the order never depends on
anything but the model.
"""

from __future__ import annotations

import heapq
import itertools

INTERCEPT, END, RELOAD, DECIDE = 0, 1, 2, 3
"""Event priorities at equal times: interceptors arrive first, then threats end, launchers are
reloaded, and C2 decides last, on the state those events left."""


class EventQueue:
    """Events ordered by (time [s], priority, insertion sequence)."""

    def __init__(self) -> None:
        self._heap: list[tuple] = []
        self._seq = itertools.count()

    def push(self, time: float, priority: int, *payload) -> None:
        """Schedule an event of ``priority`` at ``time`` [s] carrying ``payload``."""
        heapq.heappush(self._heap, (time, priority, next(self._seq), *payload))

    def pop_until(self, horizon: float):
        """Yield (time, priority, payload) in order while the next event is at most ``horizon`` [s]."""
        while self._heap and self._heap[0][0] <= horizon:
            time, priority, _, *payload = heapq.heappop(self._heap)
            yield time, priority, payload
