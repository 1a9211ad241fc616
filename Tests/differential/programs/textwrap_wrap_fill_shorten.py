# textwrap: wrap, fill, shorten and TextWrapper options, dedent and indent, as CPython's
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Recurrent neural networks read a sequence one "
        "step at a time, carrying a hidden state forward; long-short-term memory cells add gates.  "
        "A very-long-hyphenated-word and a supercalifragilisticexpialidocious one follow -- with dashes.")
for width in (10, 25, 40, 70):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, width=40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 20, break_long_words=False, break_on_hyphens=False))
print(textwrap.wrap('a\tb\tc  d\n e', 6), textwrap.wrap('a\tb', 8, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap('Hello.  World.  End', 12, fix_sentence_endings=True), textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.shorten('Hello  world!  This is long', width=12), textwrap.shorten('Hello world', 11), textwrap.shorten(text, 40, placeholder=' [...]'))
print(textwrap.fill(text, 30, max_lines=3), textwrap.fill(text, 30, max_lines=2, placeholder='~'))
w = textwrap.TextWrapper(width=18, drop_whitespace=False, tabsize=4)
print(w.wrap('  leading and trailing   spaces kept  '), w.width)
print(textwrap.dedent('    a\n      b\n    c'), textwrap.indent('x\n\ny', '> '), textwrap.indent('x\ny', '+', lambda line: True))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: textwrap.wrap('abc', 0))
attempt(lambda: textwrap.fill('abc def', 5, max_lines=1, placeholder='......'))
