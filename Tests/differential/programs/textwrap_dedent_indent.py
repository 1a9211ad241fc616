# textwrap.dedent and indent
import textwrap
text = '''
    def f():
        return 1
  \t
    # done
'''
print(repr(textwrap.dedent(text)))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('    x\n      y\n')), repr(textwrap.dedent('  same\n  same')), repr(textwrap.dedent('')))
print(repr(textwrap.dedent('\t a\n\t b\n \tc')), repr(textwrap.dedent('   \n  x\n')))
print(repr(textwrap.indent('a\n\nb\n', '> ')), repr(textwrap.indent('a\nb', '+', lambda line: True)), repr(textwrap.indent('x\r\ny', '  ')))
