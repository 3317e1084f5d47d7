"""A list's row links from one reverse are the links reverse gives per row."""

from django.template import engines
from django.urls import reverse


def test_row_links_equal_reversed_links() -> None:
    template = engines["django"].from_string(
        "{% load werkzorg %}{% row_url 'employees:detail' org=slug employee_id='*' as url %}"
        "{% for pk in keys %}{{ url|for_row:pk }} {% endfor %}"
    )
    keys = [1, 987, 987654321, 10**12]
    rendered = template.render({"slug": "acme-987654321", "keys": keys}).split()
    assert rendered == [
        reverse("employees:detail", kwargs={"org": "acme-987654321", "employee_id": k}) for k in keys
    ]
