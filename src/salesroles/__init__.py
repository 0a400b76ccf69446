"""salesroles: compare sales leadership roles and the career paths between them."""
