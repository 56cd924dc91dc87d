from django.urls import path

from n4c.platform.neighbourhood_planning import views

app_name = "neighbourhood_planning"
# The community-rights apps share the /assets/ prefix, where their pages have always been.
url_prefix = "assets"
urlpatterns = [
    path("area/<int:area_id>/plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
]
