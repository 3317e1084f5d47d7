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
