from django.utils.translation import gettext_lazy as _

from werkzorg.core import plugins


class OrganisationsConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.organisations"
    urls = "werkzorg.organisations.urls"
    demo = "werkzorg.organisations.demo"

    def ready(self) -> None:
        from werkzorg.access.rules import (
            Gate,
            register_collectivity_resolver,
            register_gate,
            register_standing_resolver,
            register_user_standing_resolver,
        )
        from werkzorg.audit import events
        from werkzorg.organisations import queries
        from werkzorg.organisations.models import OrganisationEvent

        events.register(OrganisationEvent)
        register_standing_resolver(queries.standing)
        register_user_standing_resolver(queries.user_with_standing)
        register_collectivity_resolver(queries.insurance_collectivities)
        register_gate(
            Gate(
                name="terms",
                blocks=lambda actor: queries.terms_outstanding(actor.organisation),
                url_name="organisations:terms",
                message=_("The organisation must first accept the terms and conditions."),
            )
        )
