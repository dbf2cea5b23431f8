raise ExceptionGroup('two', [KeyError(1), ValueError(2)])
