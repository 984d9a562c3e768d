"""malikg: a knowledge graph of Mali's foreign relations built from French-language news."""

__version__ = "0.1.0"
