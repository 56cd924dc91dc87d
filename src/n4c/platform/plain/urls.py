from django.urls import path

from n4c.platform.plain import views

app_name = "plain"

urlpatterns = [path("check/", views.check, name="check")]
