[].remove(1)
