from django.urls import path

from n4c.platform.residents import views

app_name = "residents"

urlpatterns = [
    path("area/<int:area_id>/", views.area_residents, name="area"),
    path("<int:pk>/", views.resident_detail, name="detail"),
    path("<int:pk>/consents/", views.add_consent, name="add_consent"),
    path("<int:pk>/consents/<int:consent_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/export.json", views.export, name="export"),
    path("<int:pk>/erase/", views.erase, name="erase"),
    path("<int:pk>/sign-in/", views.give_sign_in, name="give_sign_in"),
    path("<int:pk>/sign-in/link/", views.new_sign_in_link, name="new_sign_in_link"),
    path("<int:pk>/sign-in/remove/", views.remove_sign_in, name="remove_sign_in"),
]
