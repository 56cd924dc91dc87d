from django.urls import path

from n4c.platform.people import views

app_name = "people"

urlpatterns = [
    path("", views.people_list, name="list"),
    path("add/", views.person_add, name="add"),
    path("<int:pk>/", views.person_edit, name="edit"),
    path("<int:pk>/link/", views.new_link, name="new_link"),
]
