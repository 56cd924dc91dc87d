"""Number formats Django does not ship for the platform's languages (settings.FORMAT_MODULE_PATH)."""
