"""Exports of the store: STIX 2.1, GraphML, CSV, PLOVER-style JSON, W3C PROV.

Entry point: `export(conn, fmt, out)`; each format writes through its library
(stix2, networkx, csv, prov) and is validated by it in the tests.
"""

from factions.export.formats import FORMATS, export

__all__ = ["FORMATS", "export"]
