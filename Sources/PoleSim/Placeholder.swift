enum PlaceholderPoleSim {}
