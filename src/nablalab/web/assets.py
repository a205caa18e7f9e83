"""Front-end packages (KaTeX, htmx, Plotly.js, CodeMirror) copied from ``node_modules``
into the app's static files.

They come from npm at set-up (``npm ci`` reads package.json/package-lock.json at the
repository root) and are served by the app itself, so pages work offline and nothing from
``node_modules`` is committed: the copies under ``static/vendor`` are git-ignored.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "static" / "vendor"
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"


@dataclass(frozen=True)
class Asset:
    """A file or folder of an npm package, and where it goes under ``static/vendor``."""

    package: str
    source: str
    target: str


ASSETS = (
    Asset("katex", "dist/katex.min.css", "katex/katex.min.css"),
    Asset("katex", "dist/katex.min.js", "katex/katex.min.js"),
    Asset("katex", "dist/contrib/auto-render.min.js", "katex/contrib/auto-render.min.js"),
    Asset("katex", "dist/fonts", "katex/fonts"),
    Asset("htmx.org", "dist/htmx.min.js", "htmx/htmx.min.js"),
    Asset("plotly.js-dist-min", "plotly.min.js", "plotly/plotly.min.js"),
    Asset("codemirror", "lib/codemirror.js", "codemirror/codemirror.js"),
    Asset("codemirror", "lib/codemirror.css", "codemirror/codemirror.css"),
    Asset("codemirror", "mode/python/python.js", "codemirror/mode/python.js"),
)


class AssetsMissing(RuntimeError):
    """The npm packages are not installed where we look for them."""


def vendor_ready(vendor: Path = VENDOR_DIR) -> bool:
    return all((vendor / asset.target).exists() for asset in ASSETS)


def copy_assets(node_modules: Path = NODE_MODULES, vendor: Path = VENDOR_DIR) -> list[Path]:
    """Copy every asset, replacing old copies; return what was written."""
    missing = [f"{a.package}/{a.source}" for a in ASSETS
               if not (node_modules / a.package / a.source).exists()]
    if missing:
        raise AssetsMissing(
            f"not found in {node_modules}: {', '.join(missing)}. Run `npm ci` in the "
            "repository (node and npm are needed once, at set-up), then try again.")
    written = []
    for asset in ASSETS:
        source, target = node_modules / asset.package / asset.source, vendor / asset.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
        written.append(target)
    return written
