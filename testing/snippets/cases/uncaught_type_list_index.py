[1][None]
