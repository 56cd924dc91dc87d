from django import template

register = template.Library()


@register.filter
def state_on(commitment, today):
    """Where ``commitment`` stands on ``today``: due, late, kept or dropped."""
    return commitment.state_on(today)
