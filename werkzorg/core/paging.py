from django.http import HttpRequest


def query_without_page(request: HttpRequest) -> str:
    """The list's filters as a query string, for page links that keep them."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()
