"""Chinese typography shared by the site and print: spacing around full-width marks, line-break rules (cjk)."""
