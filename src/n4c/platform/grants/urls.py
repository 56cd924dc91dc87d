from django.urls import path

from n4c.platform.grants import views

app_name = "grants"

urlpatterns = [
    path("area/<int:area_id>/", views.area_panels, name="area"),
    path("<int:pk>/", views.panel_detail, name="panel"),
    path("<int:pk>/members/", views.add_seat, name="add_seat"),
    path("<int:pk>/members/<int:seat_id>/remove/", views.remove_seat, name="remove_seat"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("<int:pk>/send-decisions/", views.send_outcomes, name="send_outcomes"),
    path("<int:pk>/360giving.json", views.published, name="published"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/declare/", views.declare, name="declare"),
    path("applications/<int:pk>/score/", views.score, name="score"),
    path("applications/<int:pk>/vote/", views.vote, name="vote"),
    path("applications/<int:pk>/decide/", views.decide, name="decide"),
    path("applications/<int:pk>/erase/", views.erase, name="erase"),
]
