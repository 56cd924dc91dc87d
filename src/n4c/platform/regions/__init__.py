"""Regions: the Network's regional hubs, one per English region, made of local authorities.

Foundation: the geography only, importing ``audit`` and ``core``; the pages that list a
region's areas live in ``areas`` (``areas.region_pages``).
"""
