"""Entry point: `python main.py` is the same program as the `esep` console script."""
import sys


def main(argv=None) -> int:
    from cli.main import main as cli_main

    return cli_main(argv, own_process=True)


if __name__ == "__main__":
    sys.exit(main())
