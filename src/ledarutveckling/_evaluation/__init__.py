"""Evaluation: the survey model, statistics, anonymity, summaries, comparison, ROI."""
