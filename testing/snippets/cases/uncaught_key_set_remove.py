set().remove(3)
