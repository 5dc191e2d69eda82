"""csv_module_load.py FILE: reads FILE into a list of rows with Python's
csv module, the peer of descent's loader in bench/load_bench.sh."""
import csv
import sys

with open(sys.argv[1], newline='') as f:
    rows = list(csv.reader(f))
print(len(rows) - 1, 'rows')
