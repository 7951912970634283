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

# sync first: a request is matched against the routers in this order (about 12 us a router
# passed over), and pushes and pulls are nearly every request; no other path overlaps them.
ROUTERS = tuple(m.router for m in (sync, health, auth, users, org_units, forms, records, rates,
                                      bundles, status, export))
