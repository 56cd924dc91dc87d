from django.urls import path

from n4c.platform.partnership import views

app_name = "partnership"

urlpatterns = [
    path("area/<int:area_id>/", views.workspace, name="workspace"),
    path("area/<int:area_id>/roles/", views.roles, name="roles"),
    path("area/<int:area_id>/staff/", views.attach_staff, name="attach_staff"),
    path(
        "area/<int:area_id>/staff/<int:attachment_id>/remove/",
        views.detach_staff,
        name="detach_staff",
    ),
    path("area/<int:area_id>/proposals/new/", views.propose, name="propose"),
    path(
        "area/<int:area_id>/proposals/<int:proposal_id>/",
        views.proposal_detail,
        name="proposal",
    ),
    path("area/<int:area_id>/proposals/<int:proposal_id>/accept/", views.accept, name="accept"),
    path("area/<int:area_id>/proposals/<int:proposal_id>/decline/", views.decline, name="decline"),
    path("area/<int:area_id>/decisions/new/", views.open_decision, name="open_decision"),
    path(
        "area/<int:area_id>/decisions/<int:decision_id>/",
        views.decision_detail,
        name="decision",
    ),
    path("area/<int:area_id>/decisions/<int:decision_id>/vote/", views.vote, name="vote"),
    path("area/<int:area_id>/decisions/<int:decision_id>/close/", views.close, name="close"),
]
