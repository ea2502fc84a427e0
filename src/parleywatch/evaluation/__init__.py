"""Evaluation commands: measure each stage on real annotated data."""
