x.match; x.case; x._
type = 1
print(type)
