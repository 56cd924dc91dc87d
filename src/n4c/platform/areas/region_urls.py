"""The region pages' addresses, mounted at ``/regions/`` under the ``regions`` namespace."""

from django.urls import path

from n4c.platform.areas import region_pages

app_name = "regions"
urlpatterns = [
    path("", region_pages.region_list, name="list"),
    path("<str:code>/", region_pages.region_detail, name="detail"),
]
