"""MkDocs hooks: hand the pages, print files and downloads that fanzha makes to MkDocs. All real work is in fanzha/."""

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from fanzha import build


def on_config(config):
    root = Path(config.config_file_path).parent
    build.register_search_terms(root)
    identity = build.site_identity(root)
    if identity:
        config.site_name, config.copyright = identity
    return config


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    try:
        output = build.site_content(root, [f.src_uri for f in files.documentation_pages()])
    except build.ContentError as exc:
        raise Abort(f"素材有问题，网站没有生成：\n{exc}") from None
    for path, text in {**output.pages.pages, **output.pages.texts}.items():
        files.append(File.generated(config, path, content=text))
    for path, source in output.print_files.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    config.nav = output.pages.nav
    return files


def on_post_build(config) -> None:
    build.finish_search(Path(config.site_dir))


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / "materials"))
    return server
