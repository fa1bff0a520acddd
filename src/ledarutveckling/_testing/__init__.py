"""Hypothesis strategies and factories behind :mod:`ledarutveckling.testing`."""
