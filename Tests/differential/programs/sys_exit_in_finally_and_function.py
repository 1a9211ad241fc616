import sys
def main():
    try:
        return sys.exit(2)
    finally:
        print("cleanup")
main()
