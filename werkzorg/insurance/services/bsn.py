"""The citizen service number (BSN): validated with the 11-check, stored encrypted with the field keys,
shown only on an explicit request that is audited, re-encrypted when the keys rotate. Only where a law
allows it: the insurance administration (Wet algemene bepalingen burgerservicenummer)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.nl import bsn as stdnum_bsn

from werkzorg.access import Actor, Perm, get_or_404, require
from werkzorg.audit.services import record
from werkzorg.core import crypto
from werkzorg.core.errors import DomainError
from werkzorg.insurance.models import InsuranceEvent, InsuredPerson


def reveal_bsn(*, actor: Actor, insured_id: int) -> str:
    """The BSN in full, on an explicit request that is audited; it is never logged itself."""
    require(actor, Perm.INSURANCE)
    insured = get_or_404(InsuredPerson, actor, pk=insured_id)
    record(InsuranceEvent.BSN_SHOWN, actor=actor, subject=insured, obj=insured)
    return crypto.decrypt(insured.bsn_encrypted)


def clean_bsn(value: str) -> str:
    """A BSN passes the 11-check (python-stdnum); the message never repeats the number."""
    try:
        return str(stdnum_bsn.validate(value))
    except Exception as error:
        raise DomainError(_("This is not a valid citizen service number (BSN)."), field="bsn") from error


def reencrypt_bsns() -> int:
    """Key rotation (core.crypto): every stored BSN under the newest key, in batches."""
    done = 0
    with transaction.atomic():
        batch: list[InsuredPerson] = []
        for person in InsuredPerson.objects.only("pk", "bsn_encrypted").iterator(chunk_size=2000):
            person.bsn_encrypted = crypto.reencrypt(person.bsn_encrypted)
            batch.append(person)
            if len(batch) == 2000:
                done += InsuredPerson.objects.bulk_update(batch, ["bsn_encrypted"])
                batch = []
        done += InsuredPerson.objects.bulk_update(batch, ["bsn_encrypted"])
    return done
