import sys
sys.nope
