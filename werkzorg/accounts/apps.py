from werkzorg.core import plugins


class AccountsConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.accounts"
    urls = "werkzorg.accounts.urls"
    api_urls = "werkzorg.accounts.api"
    demo = "werkzorg.accounts.demo"

    def ready(self) -> None:
        from werkzorg.accounts import signals  # noqa: F401
        from werkzorg.accounts.models import AccountEvent
        from werkzorg.audit import events

        events.register(AccountEvent)
        from werkzorg.accounts.services import reencrypt_two_factor_secrets
        from werkzorg.core.crypto import register_rotation

        register_rotation("two-factor secrets", reencrypt_two_factor_secrets)
