"""What every platform app shares and no app owns: the bottom layer, importing no app.

- :mod:`~n4c.platform.core.acting`: who is acting, the ``actor`` every changing service takes.
- :mod:`~n4c.platform.core.fragments`: page fragments cached under a version bumped on change.
- :mod:`~n4c.platform.core.forms`: a service's refusal shown on the form that called it.
- :mod:`~n4c.platform.core.ids`: record ids from addresses and query strings, range-checked.
- :mod:`~n4c.platform.core.listing`: ``limit`` and ``offset``, the same on every API list.
- :mod:`~n4c.platform.core.nul_characters`: requests with a NUL character refused with a 400.
- :mod:`~n4c.platform.core.sqlite`: Django's SQLite backend, keeping the file owner-only.
- :mod:`~n4c.platform.core.privacy`: no page a signed-in person sees is stored by a cache.
- :mod:`~n4c.platform.core.conflicts`: a uniqueness rule broken by a change made at the same
  moment, turned into the service's own refusal (or a conflict, 409 in the API).
"""

__all__: list[str] = []
