"""Documents: the converter, its hooks, the registry of kinds, text I/O, requests."""
