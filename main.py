"""Entry point: `python main.py` is the same program as the `esep` console script."""
import sys


def main(argv=None, *, end: bool = False) -> int:
    """`esep` with `argv`; `end`: the process ends when a command is done (cli.main)."""
    from cli.main import main as cli_main

    return cli_main(argv, own_process=True, end=end)


def console() -> None:
    """The `esep` console script: this process is the program."""
    sys.exit(main(end=True))


if __name__ == "__main__":
    console()
