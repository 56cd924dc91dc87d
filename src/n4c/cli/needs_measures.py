"""Placeholder until the area-summary commands land."""
