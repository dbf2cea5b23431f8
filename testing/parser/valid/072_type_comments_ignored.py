def f(a,  # type: int
      ):
    # type: (...) -> None
    x = 1  # type: int
    pass  # type: ignore
