from django.urls import path

from n4c.platform.caseloads import views

app_name = "caseloads"
urlpatterns = [
    path("areas/<int:area_pk>/assign/", views.assign_staff, name="assign"),
    path("people/<int:user_pk>/", views.person_board, name="person"),
    path("regions/<str:code>/", views.region_board, name="region"),
]
