"""lagebild: a situation picture of Russia–Ukraine diplomacy from German and English news."""

__version__ = "0.1.0"
FORMAT = "lagebild.document/1"
