"""What every platform app shares and no app owns: the bottom layer, importing no app.

- :mod:`~n4c.platform.core.acting`: who is acting, the ``actor`` every changing service takes.
- :mod:`~n4c.platform.core.fragments`: page fragments cached under a version bumped on change.
- :mod:`~n4c.platform.core.forms`: a service's refusal shown on the form that called it.
- :mod:`~n4c.platform.core.conflicts`: a uniqueness rule broken by a change made at the same
  moment, turned into the service's own refusal (or a conflict, 409 in the API).
"""

__all__: list[str] = []
