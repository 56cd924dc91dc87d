from django.urls import path

from n4c.platform.support_log import views

app_name = "support_log"
urlpatterns = [
    path("areas/<int:area_pk>/new/", views.entry_create, name="create"),
    path("report/", views.report, name="report"),
    path("report/export.<str:file_format>", views.report_export, name="report_export"),
    path("areas/<int:area_pk>/history/", views.area_history_page, name="area_history_page"),
    path("areas/<int:area_pk>/history.<str:file_format>", views.area_history, name="area_history"),
    path(
        "people/<int:person_pk>/history.<str:file_format>",
        views.person_history,
        name="person_history",
    ),
]
