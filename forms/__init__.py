"""Forms as data: definitions (forms/definitions/*.toml), reference enumerations, validation."""
__version__ = "0.1.0"
