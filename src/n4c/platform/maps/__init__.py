"""Maps and place search: national and council maps of left-behind wards, IMD deciles and
grant money per head, their data as GeoJSON, and finding a ward, council or LSOA by name.

Every figure, bin and colour comes from :mod:`n4c.maps` and every match from
:mod:`n4c.places`; this app only serves them. Imports no other platform app.
"""
