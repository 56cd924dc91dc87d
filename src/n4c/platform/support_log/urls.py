from django.urls import path

from n4c.platform.support_log import views

app_name = "support_log"
urlpatterns = [
    path("areas/<int:area_pk>/new/", views.entry_create, name="create"),
    path("report/", views.report, name="report"),
]
