"""A whole run over a folder: plan what to process and reuse, execute it in workers, write tables."""
