from werkzorg.core import plugins


class InsuranceConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.insurance"
    urls = "werkzorg.insurance.urls"
    api_urls = "werkzorg.insurance.api"
    demo = "werkzorg.insurance.demo"

    def ready(self) -> None:
        from werkzorg.access import Perm
        from werkzorg.audit import events
        from werkzorg.insurance.models import InsuranceEvent
        from werkzorg.insurance.services import exports
        from werkzorg.jobs.registry import JobKind, register

        events.register(InsuranceEvent)
        from werkzorg.core.crypto import register_rotation
        from werkzorg.insurance.services.bsn import reencrypt_bsns

        register_rotation("citizen service numbers", reencrypt_bsns)
        from werkzorg.access.rules import register_linked_resolver
        from werkzorg.insurance.services.links import linked_to
        from werkzorg.insurance.services.statements import STATEMENT_ISSUED

        register_linked_resolver(linked_to)
        from werkzorg.integrations.webhooks import register_event

        register_event(
            STATEMENT_ISSUED, "A premium statement was issued: its number, collectivity number and month."
        )
        register(JobKind("insurance.short_list", Perm.INSURANCE, exports.short_list_job))
        register(JobKind("insurance.extended_list", Perm.INSURANCE, exports.extended_list_job))
        from werkzorg.insurance.services.documents import statement_file_job

        register(JobKind("insurance.statement_file", Perm.INSURANCE, statement_file_job))
