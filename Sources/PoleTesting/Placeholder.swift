enum PlaceholderPoleTesting {}
