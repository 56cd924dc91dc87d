"""The platform's addresses and one that fails, to test the page a server error shows."""

from django.urls import path

from n4c.platform.urls import urlpatterns as platform_urls


def _fails(request):
    raise RuntimeError("a fault in the platform")


urlpatterns = [*platform_urls, path("fails/", _fails)]
