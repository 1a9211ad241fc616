for s in ["a", "hello", "longer text"]:
    print(f"[{s:8}] [{s:>8}] [{s:^8}] [{s:-<8}] [{s:.3}] [{s:>8.2}]")
