"""Entry point: `python main.py` is the same program as the `esep` console script."""
import sys


def main(argv=None, *, end: bool = False) -> int:
    """`esep` with `argv`; `end`: the process ends when a command is done (cli.main)."""
    from cli.main import main as cli_main

    return cli_main(argv, own_process=True, end=end)


def console() -> None:
    """The `esep` console script: this process is the program."""
    sys.exit(main(end=True))


def helper() -> bool:
    """Run as the review's helper process when the frozen program was started as one
    (reports/review_parallel.py); False otherwise. A command's start imports nothing more."""
    if len(sys.argv) != 2 or not sys.argv[1].startswith("--review-"):
        return False
    from reports.review_parallel import HELPER_ARG, serve

    if sys.argv[1] != HELPER_ARG:
        return False
    serve()
    return True


if __name__ == "__main__":
    if not helper():
        console()
