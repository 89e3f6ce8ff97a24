"""Monte Carlo runs: seeds, backends (local processes, Ray), the runner, the results store, sweeps."""

from airshield.runs.backends import Backend, LocalBackend, SerialBackend, make_backend, open_backend
from airshield.runs.options import RunOptions
from airshield.runs.result import RunResult
from airshield.runs.runner import run_monte_carlo
from airshield.runs.seeds import replication_seed, replication_seeds
from airshield.runs.store import RunStore, all_metrics, list_runs

__all__ = ["Backend", "LocalBackend", "RunOptions", "RunResult", "RunStore", "SerialBackend", "all_metrics", "list_runs",
           "make_backend", "open_backend", "replication_seed", "replication_seeds", "run_monte_carlo"]
