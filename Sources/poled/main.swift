print("poled")
