"""Wire protocol (shared with server/) and the client sync engine."""
