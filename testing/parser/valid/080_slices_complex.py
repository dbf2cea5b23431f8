a[lambda: 0]; a[x if y else z:w]; a[(yield_)]; a[b:=1] if 0 else 0
a[1:2, ::3, ...]
