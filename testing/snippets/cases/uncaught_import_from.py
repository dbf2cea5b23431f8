from sys import nope
