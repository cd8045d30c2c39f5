"""`python -m dyad ...` runs the command line, as the `dyad` script does (handy without the venv's bin on PATH)."""

from dyad.cli import main

if __name__ == "__main__":
    main()
