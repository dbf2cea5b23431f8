chr(-5)
