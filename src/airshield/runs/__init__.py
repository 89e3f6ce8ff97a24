"""Running replications: serial for now; parallel and Ray backends build on the same seeds."""

from airshield.runs.serial import RunResult, replication_seeds, run_serial

__all__ = ["RunResult", "replication_seeds", "run_serial"]
