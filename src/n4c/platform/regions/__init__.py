"""Regions: the Network's regional hubs, one per English region, made of local authorities."""
