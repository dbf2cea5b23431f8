x = ١abc
