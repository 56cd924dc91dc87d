"""National and regional events, attendance by area, peer links between areas and peer suggestions."""
