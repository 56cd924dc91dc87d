from django.urls import path

from n4c.platform.covenants import views

app_name = "covenants"

urlpatterns = [
    path("<int:area_id>/", views.covenant_detail, name="detail"),
    path("<int:area_id>/sign/", views.sign, name="sign"),
    path(
        "<int:area_id>/signatories/<int:signatory_id>/commitments/",
        views.add_commitment,
        name="add_commitment",
    ),
    path(
        "<int:area_id>/signatories/<int:signatory_id>/reviews/",
        views.add_review_point,
        name="add_review_point",
    ),
    path(
        "<int:area_id>/commitments/<int:commitment_id>/status/",
        views.commitment_status,
        name="commitment_status",
    ),
]
