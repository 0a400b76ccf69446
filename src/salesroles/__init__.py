"""salesroles: compare sales leadership roles and the career paths between them."""

__version__ = "0.2.0"
