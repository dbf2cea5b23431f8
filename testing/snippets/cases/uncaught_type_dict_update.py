{}.update(1)
