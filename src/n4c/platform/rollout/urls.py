from django.urls import path

from n4c.platform.rollout import views

app_name = "rollout"

urlpatterns = [
    path("", views.rollout_page, name="page"),
    path("export.<str:file_format>", views.rollout_export, name="export"),
]
