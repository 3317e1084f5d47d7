"""Sick, change and recovery reports for an absence insurer, in the message structure of the SIVI All
Finance Standard's absence messages (ziekmelding, wijzigingsmelding, hersteldmelding).

What is covered: the three message kinds; per message the employer (KvK number), the employee (employee
number, date of birth, part-time factor), the date it takes effect, the degree of absence, and the
flags an insurer needs for its own deadlines and recourse (work accident, third party liable, safety-net
case, state-pension age). Each report appears once, on the day it took effect.

What is not covered: SIVI publishes the AFD's data catalogue and XSDs to its members; the public
descriptions name the messages and their contents but not every entity code. The element names here are
therefore the plain Dutch names of those contents under one root, and an insurer maps them once onto its
AFD import. No BSN (the portal holds none for absence) and nothing medical is ever in a message.
"""

from __future__ import annotations

import datetime
from xml.etree import ElementTree as ET

from werkzorg.absence.models import AbsenceEvent, DegreeChange, SickPeriod
from werkzorg.access import Actor, Perm, require, scope
from werkzorg.audit.services import record

FORMAT = "werkzorg-verzuimberichten/1"


def _employee(parent: ET.Element, period_or_change: SickPeriod | DegreeChange) -> None:
    file = period_or_change.file
    employee = file.employee
    person = ET.SubElement(parent, "werknemer")
    ET.SubElement(person, "personeelsnummer").text = employee.employee_number
    if employee.date_of_birth:
        ET.SubElement(person, "geboortedatum").text = employee.date_of_birth.isoformat()
    ET.SubElement(person, "deeltijdfactor").text = str(employee.part_time_factor)


def _flags(parent: ET.Element, period: SickPeriod) -> None:
    file = period.file
    ET.SubElement(parent, "arbeidsongeval").text = "J" if file.work_accident else "N"
    ET.SubElement(parent, "regres").text = "J" if file.third_party_liable else "N"
    ET.SubElement(parent, "vangnet").text = file.safety_net or "geen"
    ET.SubElement(parent, "aow_gerechtigd").text = "J" if file.state_pension_age else "N"


def absence_messages(*, actor: Actor, first: datetime.date, last: datetime.date) -> bytes:
    """Every sick, change and recovery report that took effect from `first` up to and including `last`."""
    require(actor, Perm.ABSENCE)
    organisation = actor.organisation
    root = ET.Element(
        "verzuimberichten", {"formaat": FORMAT, "van": first.isoformat(), "tot": last.isoformat()}
    )
    sender = ET.SubElement(root, "werkgever")
    ET.SubElement(sender, "kvk_nummer").text = organisation.kvk_number
    ET.SubElement(sender, "naam").text = organisation.name
    periods = scope(SickPeriod, actor).select_related("file__employee").order_by("start", "id")
    for period in periods.filter(start__gte=first, start__lte=last):
        message = ET.SubElement(root, "ziekmelding")
        _employee(message, period)
        ET.SubElement(message, "eerste_ziektedag").text = period.start.isoformat()
        ET.SubElement(message, "percentage").text = "100"
        _flags(message, period)
    changes = (
        scope(DegreeChange, actor)
        .select_related("file__employee")
        .filter(effective_from__gte=first, effective_from__lte=last, percentage__lt=100)
        .order_by("effective_from", "id")
    )
    for change in changes:
        message = ET.SubElement(root, "wijzigingsmelding")
        _employee(message, change)
        ET.SubElement(message, "ingangsdatum").text = change.effective_from.isoformat()
        ET.SubElement(message, "percentage").text = str(change.percentage)
    for period in periods.filter(recovered_on__gte=first, recovered_on__lte=last):
        message = ET.SubElement(root, "hersteldmelding")
        _employee(message, period)
        ET.SubElement(message, "eerste_ziektedag").text = period.start.isoformat()
        ET.SubElement(message, "hersteldatum").text = period.recovered_on.isoformat()  # type: ignore[union-attr]
    record(AbsenceEvent.EXPORTED, actor=actor, detail=f"messages {first}..{last}")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
