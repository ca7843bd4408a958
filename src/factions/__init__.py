"""factions: a sourced, time-aware model of armed groups from conflict reporting.

The package follows the data flow: read -> nlp -> actors -> claims, events ->
store -> analysis -> cli. See ARCHITECTURE.md.
"""

__version__ = "0.1.0"
