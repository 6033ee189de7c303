"""Everything about dates: finding a date in a line (datelines, sidecars), the grammar that turns a
date expression into a TIMEX3 value, the clause tense that picks its year, timeline entries."""
