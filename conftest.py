"""Settings for every test, in src/ and tests/ alike."""

from hypothesis import settings

# Speed goals live in benchmarks/, not in tests: a property test that is slow once because the
# machine is busy (CI shares two cores between pytest workers) must not fail for it.
settings.register_profile("n4c", deadline=None)
settings.load_profile("n4c")
