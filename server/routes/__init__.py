"""One APIRouter per area; server.app includes them all."""
from __future__ import annotations

from server.routes import (
    auth,
    bundles,
    export,
    forms,
    health,
    org_units,
    rates,
    records,
    status,
    sync,
    users,
)

ROUTERS = tuple(m.router for m in (health, auth, users, org_units, forms, sync, records, rates,
                                      bundles, status, export))
