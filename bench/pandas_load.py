"""pandas_load.py FILE: reads FILE with pandas.read_csv (its C parser),
the second peer of descent's loader in bench/load_bench.sh."""
import sys

import pandas

frame = pandas.read_csv(sys.argv[1])
print(len(frame), 'rows')
