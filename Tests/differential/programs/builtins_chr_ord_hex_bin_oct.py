print(chr(65), chr(0x4e2d), ord("a"), ord("中"), hex(255), hex(-1), bin(5), bin(-5), oct(8), oct(-8))
chr(-1)
