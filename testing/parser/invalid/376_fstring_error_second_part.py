x = 'ok' f'{a}' f'{b c}'
