"""salesroles: compare sales leadership roles and the career paths between them."""

__version__ = "0.1.0"
