"""Areas: the neighbourhoods the Network supports, their wards, baseline need and stage.

Imports the foundation (people, regions, audit, core), never a work app: those add their
links, buttons and panels to the area page through ``areas.hooks``.
"""
