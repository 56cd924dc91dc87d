from django.urls import path

from n4c.platform.audit import views

app_name = "audit"
urlpatterns = [path("", views.event_list, name="list")]
