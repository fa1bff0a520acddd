"""Delivery and invoicing: held sessions, attendance, delivery terms, invoice basis (private)."""
