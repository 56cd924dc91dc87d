"""Resident grant panels: a panel per area with its budget, rules and timetable; applications
from residents and local groups; conflicts of interest, scores and decisions; outcome e-mails;
awards published as 360Giving JSON. May import the areas, people, residents, audit and core
apps; no other app imports this one."""
