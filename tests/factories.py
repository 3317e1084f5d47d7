"""Factories of the foundation (organisations, users, memberships, practitioners); each domain app keeps its own."""

from __future__ import annotations

from typing import Any

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from werkzorg.access.policy import GRANT_FIELDS
from werkzorg.accounts.models import User
from werkzorg.organisations.models import (
    Membership,
    Organisation,
    OrganisationKind,
    Practitioner,
)

PASSWORD = "correct-horse-battery-staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.EMPLOYER
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org{n}")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n}")
    email_domains = factory.LazyAttribute(lambda o: f"{o.slug}.nl")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.nl")
    full_name = factory.Sequence(lambda n: f"User {n}")
    phone = factory.Sequence(lambda n: f"+3161{n:07d}")
    phone_verified = True

    @factory.post_generation
    def password(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def totp(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted is not False:
            TOTP.activate(self, TOTP_SECRET)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    class Params:
        superuser = factory.Trait(**dict.fromkeys(GRANT_FIELDS, True))


class PractitionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practitioner

    agb_code = factory.Sequence(lambda n: f"{20000000 + n}")
    name = factory.Sequence(lambda n: f"dr. Arts {n}")
