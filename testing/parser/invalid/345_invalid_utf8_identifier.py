cafÃ = 1
