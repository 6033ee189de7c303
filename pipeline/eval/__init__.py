"""Scoring against hand-annotated gold: the gold format, the scores, the reports, the baseline."""
