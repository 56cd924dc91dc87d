from django.urls import path

from n4c.platform.assets import planning_views, views

app_name = "assets"
urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("area/<int:area_id>/", views.register, name="register"),
    path("area/<int:area_id>/export.csv", views.export_csv, name="export"),
    path("area/<int:area_id>/import/", views.import_csv, name="import"),
    path("area/<int:area_id>/deadlines.ics", views.area_ics, name="ics"),
    path("area/<int:area_id>/feed/<str:token>/deadlines.ics", views.area_feed, name="feed"),
    path("area/<int:area_id>/feed/", views.feed_change, name="feed_change"),
    path("<int:pk>/", views.asset_detail, name="asset"),
    path("<int:pk>/cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("area/<int:area_id>/plans/new/", planning_views.plan_case_create, name="plan_case_create"),
    path("plans/<int:pk>/", planning_views.plan_case_detail, name="plan_case"),
]
