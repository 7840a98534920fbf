"""The website: pages made from an edition (pages), the search index (search_index), the Markdown extension MkDocs
loads (markdown), MkDocs run on the finished files (mkdocs_site, mkdocs_plugin) and the site swapped in (publish)."""
