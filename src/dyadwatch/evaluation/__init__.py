"""Evaluation: readers for the gold formats, scoring, tasks and the quality gate."""
