"""Reproducible training of the models warta ships."""
