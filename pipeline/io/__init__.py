"""The file system: finding and reading inputs, sidecars, the run state, writing the tables
(writer.py) and reading them consistently (tables.py)."""
