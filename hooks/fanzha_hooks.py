"""MkDocs hooks for `fanzha serve` and a plain `mkdocs build`: fanzha's MkDocs plugin, whose events these are.

All real work is in fanzha/ (fanzha.pipeline); `fanzha build` runs MkDocs with the plugin itself, not through here.
"""

from fanzha.site.mkdocs_plugin import FanzhaPlugin
from fanzha.pipeline import prepared_content

plugin = FanzhaPlugin(make_content=prepared_content)

on_startup = plugin.on_startup
on_config = plugin.on_config
on_files = plugin.on_files
on_page_content = plugin.on_page_content
on_page_context = plugin.on_page_context
on_post_page = plugin.on_post_page
on_template_context = plugin.on_template_context
on_post_build = plugin.on_post_build
on_serve = plugin.on_serve
