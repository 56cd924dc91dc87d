from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = "n4c.platform.assets"
    verbose_name = "Community assets and rights"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from n4c.platform.assets.models import Asset
        from n4c.platform.assets.templatetags.area_assets import bump_assets_version

        # The area page's asset map is cached by this version (see templatetags.area_assets).
        post_save.connect(bump_assets_version, sender=Asset, dispatch_uid="assets-version-save")
        post_delete.connect(bump_assets_version, sender=Asset, dispatch_uid="assets-version-del")
