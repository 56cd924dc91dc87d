from django.urls import path

from n4c.platform.surveys import views

app_name = "surveys"
#: The learning pages and the surveys behind them answer under /learning/.
url_prefix = "learning"
urlpatterns = [
    path("", views.programme, name="programme"),
    path("open-data.csv", views.open_data, name="open_data"),
    path("area/<int:area_id>/", views.area_learning, name="area"),
    path("area/<int:area_id>/surveys/", views.waves, name="waves"),
    path("area/<int:area_id>/freeze/", views.freeze, name="freeze"),
    path("area/<int:area_id>/sites/", views.add_site, name="add_site"),
    path("waves/<int:wave_id>/", views.respond, name="respond"),
    path("waves/<int:wave_id>/paper/", views.paper, name="paper"),
    path("waves/<int:wave_id>/weights/", views.weights, name="weights"),
]
