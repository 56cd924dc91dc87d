from django.urls import path

from n4c.platform.budgets import views

app_name = "budgets"
urlpatterns = [
    path("area/<int:area_id>/", views.area_votes, name="area"),
    path("area/<int:area_id>/import/", views.import_file, name="import"),
    path("<int:pk>/", views.vote_detail, name="detail"),
    path("<int:pk>/proposals/", views.proposal_add, name="proposal_add"),
    path("<int:pk>/phase/", views.phase, name="phase"),
    path("<int:pk>/paper/", views.paper_ballot, name="paper"),
    path("<int:pk>/paper/<int:ballot_id>/check/", views.check_ballot, name="check"),
    path("<int:pk>/export.pb", views.export, name="export"),
    path("<int:pk>/vote/", views.ballot, name="ballot"),
    path("<int:pk>/results/", views.results, name="results"),
]
