from django.urls import path

from n4c.platform.search import views

app_name = "search"
urlpatterns = [path("", views.search, name="results")]
