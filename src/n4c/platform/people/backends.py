"""Signing in: Django's model backend, loading each request's user with their profile."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

__all__ = ["ProfileBackend"]


class ProfileBackend(ModelBackend):
    """Every page asks for the user's role, so fetch the profile in the same query as the user."""

    def get_user(self, user_id):
        user_model = get_user_model()
        user = user_model._default_manager.select_related("profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
