"""Evaluation: the survey model, statistics, anonymity, summaries, comparison, ROI.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._evaluation import (
    anonymity,
    comparison,
    disclosure,
    group_summary,
    published,
    roi,
    statistics,
    summaries,
    survey,
)

publish(
    "ledarutveckling",
    anonymity.Suppression,
    comparison.Change,
    comparison.Comparison,
    comparison.Direction,
    comparison.Magnitude,
    comparison.compare,
    comparison.compare_periods,
    disclosure.Audience,
    disclosure.Publication,
    disclosure.ShownFigure,
    group_summary.GroupSummary,
    group_summary.LevelSummary,
    group_summary.QuestionSummary,
    published.EvaluationSet,
    roi.ReturnOnInvestment,
    statistics.NetPromoterScore,
    statistics.PublishedStatistics,
    statistics.Statistics,
    statistics.t_critical_95,
    summaries.Breakdown,
    summaries.Dimension,
    summaries.breakdown,
    summaries.summarise,
    survey.Evaluation,
    survey.EvaluationSubject,
    survey.FollowUpMeeting,
    survey.KirkpatrickLevel,
    survey.Question,
    survey.Response,
    survey.Scale,
)
