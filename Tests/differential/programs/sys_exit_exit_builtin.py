print("using exit")
exit(6)
