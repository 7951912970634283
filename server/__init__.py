"""The central API (FastAPI + SQLAlchemy Core); SQLite by default, PostgreSQL in production."""
