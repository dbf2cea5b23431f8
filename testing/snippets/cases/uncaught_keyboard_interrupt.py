print('a')
raise KeyboardInterrupt('ki')
