print(**5)
