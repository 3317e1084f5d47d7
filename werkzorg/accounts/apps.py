from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkzorg.accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from werkzorg.accounts import signals  # noqa: F401
