"""Small files made in the test: a real PNG, and text dressed as one."""

from __future__ import annotations

import io

from PIL import Image


def png_bytes(size: tuple[int, int] = (4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 112, 60)).save(buffer, format="PNG")
    return buffer.getvalue()
