from django.urls import path

from n4c.platform.assets import views

app_name = "assets"
# The community-rights apps share the /assets/ prefix, where their pages have always been.
url_prefix = "assets"
urlpatterns = [
    path("area/<int:area_id>/", views.register, name="register"),
    path("area/<int:area_id>/export.csv", views.export_csv, name="export"),
    path("area/<int:area_id>/import/", views.import_csv, name="import"),
    path("<int:pk>/", views.asset_detail, name="asset"),
]
