"""Support log: the days advisers and community workers give each area, and the monthly report."""
