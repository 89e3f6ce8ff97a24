"""Pledges: the ledger of allied pledges and deliveries, the threat outlook, and the month-by-month
assessment of what they buy (see docs/pledges.md)."""

from airshield.pledges.ledger import Ledger, Pledge, load_ledger, shipped_ledger_path

__all__ = ["Ledger", "Pledge", "load_ledger", "shipped_ledger_path"]
