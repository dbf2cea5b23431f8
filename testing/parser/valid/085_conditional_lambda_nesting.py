f = lambda x: (lambda y: x if y else (lambda z: z)) if x else None
