from django.urls import path

from n4c.platform.right_to_bid import guided_views, views

app_name = "right_to_bid"
# The community-rights apps share the /assets/ prefix, where their pages have always been.
url_prefix = "assets"
urlpatterns = [
    path("<int:pk>/cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("<int:pk>/journey/", guided_views.journey, name="journey"),
    path("<int:pk>/journey/<slug:letter>.txt", guided_views.letter, name="letter"),
    path("area/<int:area_id>/nominate/", guided_views.nominate, name="nominate"),
    path("nominations/", guided_views.nominations, name="nominations"),
    path("nominations/<int:pk>/", guided_views.nomination, name="nomination"),
    path(
        "nominations/<int:pk>/letter.txt",
        guided_views.nomination_letter_file,
        name="nomination_letter",
    ),
]
