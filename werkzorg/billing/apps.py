from werkzorg.core import plugins


class BillingConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.billing"
    urls = "werkzorg.billing.urls"
    demo = "werkzorg.billing.demo"

    def ready(self) -> None:
        from werkzorg.audit import events
        from werkzorg.billing.models import BillingEvent

        events.register(BillingEvent)
