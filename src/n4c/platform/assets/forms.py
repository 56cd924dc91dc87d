"""Forms of the register. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms

from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import ASSET_FIELDS


class AssetForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = list(ASSET_FIELDS)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Register CSV",
        help_text="Columns: asset_id, name, kind, owner, postcode, latitude, longitude, lsoa_code, condition, status, use.",
    )
