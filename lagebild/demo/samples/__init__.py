"""Sample articles for `lagebild demo` (written for this project; outlets are invented)."""
