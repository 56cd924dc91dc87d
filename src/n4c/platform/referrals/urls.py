from django.urls import path

from n4c.platform.referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.referral_list, name="list"),
    path("export.<str:file_format>", views.export, name="export"),
    path("partners/", views.partner_list, name="partners"),
    path("partners/<int:pk>/", views.partner_detail, name="partner"),
    path("area/<int:area_id>/", views.area_referrals, name="area"),
    path("<int:pk>/update/", views.update, name="update"),
]
