import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
sys.stderr.write("last stderr line\n")
