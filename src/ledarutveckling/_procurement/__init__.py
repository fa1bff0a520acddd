"""Procurement: parties, offerings, catalogue, agreement, call-offs, ledger."""
