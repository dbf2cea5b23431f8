raise NotImplementedError('todo')
