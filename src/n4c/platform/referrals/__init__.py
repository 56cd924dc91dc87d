"""Partners (specialist organisations) and referrals from an area to them, with status and outcome."""
