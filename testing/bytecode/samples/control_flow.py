"""Loops, classes and exceptions: compiled by py_bytecode at build time."""
import sys


class Shape:
    def __init__(self, kind, size):
        self.kind = kind
        self.size = size


def describe(shape):
    if shape.kind == "square" and (s := shape.size) > 0:
        return f"square {s}"
    elif shape.kind:
        return shape.kind
    return "?"


for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print("caught", e, file=sys.stderr)
    else:
        print(describe(Shape("square", i)))
    finally:
        pass
