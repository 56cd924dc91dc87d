"""Checking an uploaded photo: an image Pillow can read, in a format browsers show, not too big."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image

__all__ = ["PHOTO_MAX_BYTES", "PHOTO_TYPES", "read_photo"]

#: The largest photo kept: 5 MiB, enough for a phone's photo, small enough for the database.
PHOTO_MAX_BYTES = 5 * 1024 * 1024
#: The image formats kept, with the content type each is served as.
PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


def _refused(message: str, code: str) -> ValidationError:
    return ValidationError({"photo": ValidationError(message, code=code)})


def read_photo(upload: UploadedFile) -> tuple[bytes, str]:
    """The photo's bytes and content type; :class:`ValidationError` on ``photo`` when it is too
    big or not a JPEG, PNG, GIF or WebP image."""
    if upload.size is not None and upload.size > PHOTO_MAX_BYTES:
        raise _refused(_("The photo must be smaller than 5 MB."), "too_large")
    data = upload.read(PHOTO_MAX_BYTES + 1)
    if len(data) > PHOTO_MAX_BYTES:
        raise _refused(_("The photo must be smaller than 5 MB."), "too_large")
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    # Pillow says a file is not an image in several ways; each means the same to the person.
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind = None
    if kind not in PHOTO_TYPES:
        raise _refused(
            _("The selected file must be a JPG, PNG, GIF or WebP image."), "not_an_image"
        )
    return data, PHOTO_TYPES[kind]
