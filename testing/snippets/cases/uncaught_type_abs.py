abs([])
