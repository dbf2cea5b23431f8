import os
import os.path
import xml.etree.ElementTree as ET
from collections import OrderedDict as OD, deque
from . import sibling
from os import *
def f():
    import json
    from sys import argv
    return json, argv
