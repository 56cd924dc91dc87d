"""Settings for every test, in src/ and tests/ alike."""

import sys

import pytest
from hypothesis import settings

# Speed goals live in benchmarks/, not in tests: a property test that is slow once because the
# machine is busy (CI shares two cores between pytest workers) must not fail for it.
settings.register_profile("n4c", deadline=None)
settings.load_profile("n4c")


@pytest.fixture(autouse=True)
def _english_in_the_test_thread():
    """Each test starts in English: Django's LocaleMiddleware leaves the language of the last
    request active in the thread, so a test's Polish page would otherwise make the next test's
    own labels (compared with English text) Polish too."""
    yield
    if "django" in sys.modules:
        from django.utils import translation

        translation.deactivate()
