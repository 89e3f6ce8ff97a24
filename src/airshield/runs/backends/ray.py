"""Ray backend: the same chunks as Ray tasks, on a local Ray started on demand or on a cluster."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from airshield.errors import AirshieldError, InputError
from airshield.runs.backends.base import Backend
from airshield.runs.task import ReplicationResult, chunks, simulate_chunk
from airshield.world import World


class RayBackend(Backend):
    """Runs chunks of replications as Ray tasks; the World is put in the object store once."""

    name = "ray"

    def __init__(self, workers: int, address: str | None = None):
        try:
            import ray
        except ImportError:
            raise AirshieldError("the ray backend needs Ray: pip install 'airshield[ray]'") from None
        self.ray = ray
        self.workers = workers
        self.started_here = not ray.is_initialized()
        if self.started_here:
            self._connect(address)
        self.remote = ray.remote(simulate_chunk)

    def _connect(self, address: str | None) -> None:
        if address:
            check_reachable(address)
        options = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        try:
            if address:
                self.ray.init(address=address, **options)
            else:
                self.ray.init(num_cpus=self.workers, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise InputError(f"cannot reach Ray at '{address}': {exc}", path="--address",
                             expected="the address of a running Ray head, e.g. 10.0.0.5:6379") from None

    def run(self, world: World, seed: int, indices: Sequence[int], keep_events: bool) -> Iterator[ReplicationResult]:
        shared = self.ray.put(world)
        pending = [self.remote.remote(shared, seed, part, keep_events) for part in chunks(list(indices), self.workers)]
        while pending:
            done, pending = self.ray.wait(pending, num_returns=1)
            for ref in done:
                yield from self.ray.get(ref)

    def close(self) -> None:
        if self.started_here and self.ray.is_initialized():
            self.ray.shutdown()


def check_reachable(address: str, timeout: float = 3.0) -> None:
    """Refuse quickly an address 'host:port' where nothing answers (Ray itself retries for long)."""
    import socket
    host, _, port = address.rpartition(":")
    if address == "auto":
        return
    if not host or not port.isdigit():
        raise InputError(f"'{address}' is not host:port", path="--address", expected="host:port, e.g. 127.0.0.1:6379")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            return
    except OSError as exc:
        raise InputError(f"cannot reach Ray at '{address}': {exc.strerror or exc}", path="--address",
                         expected="the address of a running Ray head") from None
