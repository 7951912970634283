"""Sub-commands (placeholder until implemented)."""


def register(sub) -> None:
    return None
