"""Server limits: what one request may ask for, configurable per app."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Limits:
    """``max_replications`` per run [-], ``max_threats`` per scenario [-], ``max_request_bytes`` per
    request body [bytes], ``max_queued`` runs waiting or running [-], ``workers`` processes per run [-],
    ``max_connections`` open at once before new ones get 503 [-]."""

    max_replications: int = 200
    max_threats: int = 2000
    max_request_bytes: int = 1_000_000
    max_queued: int = 8
    workers: int = 1
    max_connections: int = 200

    def to_dict(self) -> dict:
        return asdict(self)
