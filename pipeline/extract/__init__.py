"""Per-article extraction: from the parsed body to rows of mentions, people, roles, ratings, dates
and quotes. `process.process_article` is the pure function the runner calls."""
