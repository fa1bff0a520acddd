"""Base values shared by every domain: money, dates, checks, labels, optional imports."""
