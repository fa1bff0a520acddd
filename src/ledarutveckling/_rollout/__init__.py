"""Rollouts: the problem, the plan, its checker, and the planner with its engine."""
