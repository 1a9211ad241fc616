s = "tab\there\nnew"
print(s)
print(len("\u00e9"), len("é"), "\x41", "\101", "\N{GREEK SMALL LETTER ALPHA}" if False else "α", r"\n raw")
print("中文".encode("utf-8") if False else "skip", len("🎉"), "🎉"[0] == "🎉")
