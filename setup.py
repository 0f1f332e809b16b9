"""Build step that pyproject.toml cannot say: the map page ships inside the package.

The Streamlit page stays ``app.py`` at the top of the source tree (``streamlit run app.py``);
a wheel also carries it as ``geo/web/app.py``, so an installed conflictmap serves the map
(``conflictmap app``) with nothing from the source tree. Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PAGE = Path(__file__).resolve().parent / "app.py"
PACKAGED_PAGE = Path("geo", "web", "app.py")


class BuildPyWithPage(build_py):
    """build_py, plus the top-level page copied into geo/web of the build.

    An editable install runs from the source tree, where ``conflictmap app`` finds app.py
    itself: it gets no copy, which would go stale as app.py is edited."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / PACKAGED_PAGE
        self.mkpath(str(target.parent))
        self.copy_file(str(PAGE), str(target))


setup(cmdclass={"build_py": BuildPyWithPage})
