# The symtable does not check later future imports; the compiler does.
import sys
from __future__ import annotations
def f(x: Undefined) -> int: return x
