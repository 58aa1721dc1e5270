"""The reader's site: the `factsheets` MkDocs plugin and its pure renderers.

- `plugin.py`: the MkDocs plugin (reads facts/, adds generated pages and files,
  post-processes the search index, watches facts/ and seeds/ in `serve`);
- `index.py`: the look-up tables built once per build (entity → events …);
- `html.py`: escaping and links (every untrusted string goes through it);
- `render_*.py`, `network.py`, `opendata.py`: pure functions facts → text;
- `search.py`: the folded Arabic search field.
"""
