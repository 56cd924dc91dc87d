from django.urls import path

from n4c.platform.measures import views

app_name = "measures"

urlpatterns = [
    path("<int:area_id>/", views.measure_list, name="list"),
    path("<int:area_id>/propose/", views.propose, name="propose"),
    path("<int:area_id>/<int:measure_id>/values/", views.record, name="record"),
    path("<int:area_id>/<int:measure_id>/change/", views.change, name="change"),
    path("<int:area_id>/photos/<int:value_id>/", views.photo, name="photo"),
]
