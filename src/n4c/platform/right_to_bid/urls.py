from django.urls import path

from n4c.platform.right_to_bid import views

app_name = "right_to_bid"
# The community-rights apps share the /assets/ prefix, where their pages have always been.
url_prefix = "assets"
urlpatterns = [
    path("<int:pk>/cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
]
