from django.urls import path

from n4c.platform.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("peers/<int:area_id>/", views.peers, name="peers"),
]
