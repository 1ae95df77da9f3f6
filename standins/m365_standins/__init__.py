"""Local HTTPS stand-ins of Microsoft Entra ID and Microsoft Graph, for the tests and the demo mode.

    ca = LocalCA(tmp_path)                      # REQUESTS_CA_BUNDLE=ca.ca_file
    directory = Directory()                     # then add_tenant, add_user, register_client, grant, ...
    entra = EntraStandin(directory, ca).start() # authority: f"{entra.url}/{tenant}"
    graph = GraphStandin(directory, ca, entra).start()
    ...
    graph.close(); entra.close()

Both speak real TLS with a certificate from `ca`, and follow Microsoft's documented request and
response shapes for the calls this app makes (see the module docstrings)."""

from .directory import (
    ADMIN_CONSENT_SCOPES,
    GRAPH_APP_ID,
    ClientApp,
    Directory,
    OnlineMeeting,
    Tenant,
    Transcript,
    User,
)
from .entra import EntraError, EntraStandin, SigningKey
from .graph import GraphError, GraphStandin
from .tls import HTTPSService, LocalCA

__all__ = [
    "ADMIN_CONSENT_SCOPES",
    "GRAPH_APP_ID",
    "ClientApp",
    "Directory",
    "EntraError",
    "EntraStandin",
    "GraphError",
    "GraphStandin",
    "HTTPSService",
    "LocalCA",
    "OnlineMeeting",
    "SigningKey",
    "Tenant",
    "Transcript",
    "User",
]
