from django.urls import path

from n4c.platform.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:area_id>/", views.plan_detail, name="detail"),
    path("<int:area_id>/vision/", views.edit_vision, name="vision"),
    path("<int:area_id>/priorities/", views.add_priority, name="add_priority"),
    path("<int:area_id>/actions/", views.add_action, name="add_action"),
    path(
        "<int:area_id>/actions/<int:action_id>/status/", views.action_status, name="action_status"
    ),
    path("<int:area_id>/milestones/", views.add_milestone, name="add_milestone"),
    path(
        "<int:area_id>/milestones/<int:milestone_id>/reached/",
        views.milestone_reached,
        name="milestone_reached",
    ),
    path("<int:area_id>/year-zero/<str:item>/", views.year_zero, name="year_zero"),
]
