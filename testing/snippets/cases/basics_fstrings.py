x, y = 3, 4.5
name = "py"
print(f"{x} {y} {name!r} {x + y:.3f} {name:>6} {name:<6}| {x:04d} {y:e}")
print(f"{x!s:^7}|{1234567:,}|{0.25:%}|{255:#x}|{255:08b}|{-3:+d}")
print(f"{'nested'} {f'{x}'} {x=} {y = :.1f}")
print(f"{{literal}} {[1, 2][0]} {dict(a=1)['a']}")
