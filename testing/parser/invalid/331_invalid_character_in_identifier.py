café™ = 1
