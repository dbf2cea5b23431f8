b'a' + 'b'
