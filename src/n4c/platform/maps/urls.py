from django.urls import path

from n4c.platform.maps import views

app_name = "maps"

urlpatterns = [
    path("", views.map_page, name="page"),
    path("data.geojson", views.map_data, name="data"),
    path("places/", views.place_search, name="places"),
]
