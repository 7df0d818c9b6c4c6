enum PlaceholderPoleRuntime {}
