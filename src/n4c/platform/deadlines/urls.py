from django.urls import path

from n4c.platform.deadlines import views

app_name = "deadlines"
# The community-rights apps share the /assets/ prefix, where their pages have always been.
url_prefix = "assets"
urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("area/<int:area_id>/deadlines.ics", views.area_ics, name="ics"),
    path("area/<int:area_id>/feed/<str:token>/deadlines.ics", views.area_feed, name="feed"),
    path("area/<int:area_id>/feed/", views.feed_change, name="feed_change"),
]
