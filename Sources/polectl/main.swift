print("polectl")
