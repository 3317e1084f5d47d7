from werkzorg.core import plugins


class BillingConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.billing"
    urls = "werkzorg.billing.urls"
    api_urls = "werkzorg.billing.api"
    demo = "werkzorg.billing.demo"

    def ready(self) -> None:
        from werkzorg.audit import events
        from werkzorg.billing.models import BillingEvent

        events.register(BillingEvent)
        from werkzorg.access import Perm
        from werkzorg.billing.services.statement_files import statement_excel_job
        from werkzorg.jobs.registry import JobKind, register

        register(JobKind("billing.statement_excel", Perm.BILLING_STATEMENTS, statement_excel_job))
