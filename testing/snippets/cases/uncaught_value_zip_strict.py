list(zip([1], [], strict=True))
