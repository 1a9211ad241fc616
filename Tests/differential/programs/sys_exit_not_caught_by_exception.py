import sys
try:
    sys.exit(5)
except Exception:
    print("wrong")
