"""People's names as the portal writes them."""


def person_name(first_name: str, name_prefix: str, last_name: str) -> str:
    """A Dutch name as written: first name, prefix (tussenvoegsel) and last name, the empty ones left out."""
    return " ".join(part for part in (first_name, name_prefix, last_name) if part)
