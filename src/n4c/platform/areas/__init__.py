"""Areas: the neighbourhoods the Network supports, their wards, baseline need and stage."""
