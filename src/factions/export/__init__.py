"""Exports of the store: STIX 2.1, GraphML, CSV, PLOVER-style JSON, W3C PROV, ACLED-style
CSV (formats.py), and one table at a time as CSV or Parquet (tables.py).

Entry points: `export(conn, fmt, out)` and `write_table(conn, name, fmt, out)`. Each
streams from the store (stream.py) and writes through its library (stix2, networkx,
csv, prov, pyarrow), which validates it in the tests.
"""

from factions.export.formats import FORMATS, export

__all__ = ["FORMATS", "export"]
