"""The rollout page: n4c.rollout's posts and yearly cost, with its assumptions editable in a form.

Nothing is stored: the form's values travel in the address, so a scenario can be bookmarked
and shared.
"""
