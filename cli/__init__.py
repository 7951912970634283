"""Command-line front end. Each sub-command module exposes `register(subparsers)`."""
