compile("x = (", "<s>", "exec")
