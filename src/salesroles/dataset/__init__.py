"""From a dataset file to a catalog: read (capped), check, report, cache, load.

``read`` turns bytes into plain values (TOML or a JSON export, a version-1 file
upgraded); ``check`` turns plain values into a checked ``Dataset`` or a list of
problems; ``report`` words those problems with file and line; ``cache`` keeps
checked datasets so a warm start reads no file; ``load`` ties them together.
"""
