from werkzorg.core import plugins


class InsuranceConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.insurance"
    urls = "werkzorg.insurance.urls"
    demo = "werkzorg.insurance.demo"

    def ready(self) -> None:
        from werkzorg.access import Perm
        from werkzorg.audit import events
        from werkzorg.insurance.models import InsuranceEvent
        from werkzorg.insurance.services import exports
        from werkzorg.jobs.registry import JobKind, register

        events.register(InsuranceEvent)
        register(JobKind("insurance.short_list", Perm.INSURANCE, exports.short_list_job))
        register(JobKind("insurance.extended_list", Perm.INSURANCE, exports.extended_list_job))
