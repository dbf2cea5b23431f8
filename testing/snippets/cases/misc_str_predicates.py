for s in ["", "abc", "ABC", "Abc Def", "123", "١٢٣", "½", "a1", " ", "\t\n", "_x1", "1x", "class", "é", "Ⅻ"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
