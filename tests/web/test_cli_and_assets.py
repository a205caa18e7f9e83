"""Front-end assets copied from node_modules, the CLI's arguments, the announced URL."""

from __future__ import annotations

import argparse

import pytest

from nablalab.cli import web_commands
from nablalab.web.assets import ASSETS, AssetsMissing, copy_assets, vendor_ready


def fake_node_modules(root):
    for asset in ASSETS:
        source = root / asset.package / asset.source
        if "." in source.name:
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(f"/* {asset.package} */")
        else:
            source.mkdir(parents=True)
            (source / "KaTeX_Main-Regular.woff2").write_bytes(b"font")
    return root


def test_assets_are_copied_into_vendor(tmp_path):
    vendor = tmp_path / "vendor"
    assert not vendor_ready(vendor)
    written = copy_assets(fake_node_modules(tmp_path / "node_modules"), vendor)
    assert len(written) == len(ASSETS) and vendor_ready(vendor)
    assert (vendor / "katex" / "fonts" / "KaTeX_Main-Regular.woff2").read_bytes() == b"font"
    copy_assets(tmp_path / "node_modules", vendor)  # again: replaces, never fails
    assert vendor_ready(vendor)


def test_missing_packages_say_what_to_run(tmp_path):
    with pytest.raises(AssetsMissing, match="Run `npm ci`"):
        copy_assets(tmp_path / "node_modules", tmp_path / "vendor")


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nablalab", exit_on_error=False)
    web_commands.register(parser.add_subparsers())
    return parser.parse_args(argv)


def test_serve_arguments_and_defaults(tmp_path):
    args = parse("serve", "--data-dir", str(tmp_path))
    assert (args.host, args.port, args.workers, args.data_dir) == ("127.0.0.1", 8000, 2, tmp_path)
    assert parse("manage", "createsuperuser", "--username", "x").django_args == [
        "createsuperuser", "--username", "x"]


@pytest.mark.parametrize("argv", [("serve", "--port", "70000"), ("serve", "--port", "http"),
                                  ("serve", "--workers", "0")])
def test_bad_serve_arguments_are_refused(argv, capsys):
    with pytest.raises(SystemExit):
        parse(*argv)
    assert "is not a" in capsys.readouterr().err


def test_announced_urls():
    from nablalab.web.server import site_url

    assert site_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert site_url("::1", 8080) == "http://[::1]:8080/"
