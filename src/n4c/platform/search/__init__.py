"""One search over what a person may see: areas (by name, ward code or ward name), people,
partners, resources, assets, right-to-bid cases and plans.

Each kind starts from its own app's access rule (``areas_visible_to``, ``residents_visible_to``
and the rest), and a kind whose pages the person may not open (a partnership member and the
staff directory, say) is left out, so the search never shows more than the pages would.
"""
