"""Regenerate every starter.ipynb (and the heights data) from the sources:
python -m nablalab.assignments.make_notebooks"""

from nablalab.assignments import catalog
from nablalab.assignments.heights.grading import write_data_file
from nablalab.assignments.notebook import write_notebook


def main() -> None:
    for name in catalog.NAMES:
        base = catalog.folder(name)
        write_notebook(base / "starter.py", base / "starter.ipynb")
    write_data_file()


if __name__ == "__main__":
    main()
