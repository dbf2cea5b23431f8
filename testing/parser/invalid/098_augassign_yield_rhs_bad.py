x += yield from
