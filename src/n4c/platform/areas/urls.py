from django.urls import path

from n4c.platform.areas import views

app_name = "areas"
urlpatterns = [
    path("", views.area_list, name="list"),
    path("new/", views.area_create, name="create"),
    path("<int:pk>/", views.area_detail, name="detail"),
    path("<int:pk>/edit/", views.area_edit, name="edit"),
    path("<int:pk>/profile/", views.area_profile, name="profile"),
    path("<int:pk>/profile/map.svg", views.area_profile_map, name="profile_map"),
    path("<int:pk>/baseline/refreeze/", views.area_refreeze, name="refreeze"),
]
