"""Scorers for each stage against gold data."""
