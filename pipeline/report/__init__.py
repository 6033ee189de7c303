"""What an extraction found, for people: one self-contained HTML file per output folder."""
