"""The raid engine: one replication, event by event, into an EventLog table."""

from airshield.engine.eventlog import EVENT_KINDS
from airshield.engine.replication import run_replication
from airshield.world.settings import EngineSettings

__all__ = ["EVENT_KINDS", "EngineSettings", "run_replication"]
