"""Guidance and templates for areas and staff: tagged and searchable."""
