int([])
