import Foundation
import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// `open()` and file objects, each program run by Recur and by CPython, each in its own new
/// directory (substituted for `{DIR}`; printed paths are compared with it replaced by `DIR`).
@Suite struct FileTests {
    static let programs: [String] = [
        """
        with open('{DIR}/a.txt', 'w', encoding='utf-8') as f:
            print(f.write('Émile\\nZoë\\r\\nlast'))
            f.writelines(['x\\n', 'y\\n'])
        print(f.closed)
        with open('{DIR}/a.txt', encoding='utf-8') as f:
            print(repr(f.read()))
        print(open('{DIR}/a.txt', encoding='utf-8').read().strip().split('\\n'))
        """,
        """
        f = open('{DIR}/b.txt', 'w')
        f.write('one\\ntwo\\n\\nthree')
        f.close()
        f = open('{DIR}/b.txt')
        print(repr(f.readline()), repr(f.readline(2)), repr(f.readline()), repr(f.read(3)), repr(f.read()), repr(f.read()))
        f.close()
        print(open('{DIR}/b.txt').readlines())
        print(open('{DIR}/b.txt').readlines(5), repr(open('{DIR}/b.txt').read(10**6)), repr(open('{DIR}/b.txt').readline(10**6)))
        for i, line in enumerate(open('{DIR}/b.txt')):
            print(i, repr(line))
        print([l.rstrip() for l in open('{DIR}/b.txt', 'r')])
        f = open('{DIR}/b.txt')
        print(iter(f) is f, repr(next(f)), repr(f.readline()), list(f), next(f, 'end'))
        with open('{DIR}/p.txt', 'w') as out, open('{DIR}/b.txt') as source:
            for line in source:
                print(line.upper(), end='', file=out)
            print('!', file=out)
        print(repr(open('{DIR}/p.txt').read()))
        """,
        """
        open('{DIR}/c.txt', 'w').write('a\\n')
        with open('{DIR}/c.txt', 'a') as f:
            f.write('b\\n')
        print(open('{DIR}/c.txt').read().splitlines())
        try:
            open('{DIR}/c.txt', 'x')
        except FileExistsError as e:
            print('exists', str(e).replace('{DIR}', 'DIR'))
        """,
        """
        f = open('{DIR}/d.txt', 'w', newline='')
        f.write('a\\r\\nb\\rc\\nd')
        f.close()
        print(repr(open('{DIR}/d.txt').read()))
        print(open('{DIR}/d.txt', newline='').readlines())
        print(open('{DIR}/d.txt', newline='\\r\\n').readlines())
        print(open('{DIR}/d.txt', newline='\\r').readlines())
        print(open('{DIR}/d.txt', newline='\\n').readlines())
        g = open('{DIR}/e.txt', 'w', newline='\\r\\n')
        g.write('x\\ny\\n')
        g.close()
        print(repr(open('{DIR}/e.txt', newline='').read()))
        """,
        """
        f = open('{DIR}/f.txt', 'w', encoding='latin-1')
        f.write('café')
        f.close()
        print(open('{DIR}/f.txt', encoding='latin-1').read())
        print(open('{DIR}/f.txt', encoding='utf-8', errors='replace').read())
        print(open('{DIR}/f.txt', encoding='utf-8', errors='ignore').read())
        open('{DIR}/f.txt', encoding='utf-8').read()
        """,
        "open('{DIR}/g.txt', 'w', encoding='ascii').write('naïve')",
        "open('{DIR}/g.txt', 'w', encoding='latin-1').write('a€€b')",
        "open('{DIR}/g.txt', 'w', encoding='latin-1').write('x😀')",
        "open('{DIR}/g.txt', 'w', encoding='Latin_1').write('é\\n'); print(open('{DIR}/g.txt', encoding='ascii').read())",
        "open('{DIR}/h.txt', 'w', encoding='utf-8').write('é'); print(open('{DIR}/h.txt', encoding='UTF8', errors='strict').read(5))",
        "open('{DIR}/missing.txt')",
        "open('missing-in-cwd.txt')",
        "open('{DIR}')",
        "open('{DIR}', 'w')",
        "open('{DIR}/no/such/dir.txt', 'w')",
        """
        f = open('{DIR}/i.txt', 'w')
        f.close()
        f.close()
        f.write('x')
        """,
        """
        f = open('{DIR}/j.txt', 'w')
        f.close()
        f = open('{DIR}/j.txt')
        f.close()
        f.read()
        """,
        "f = open('{DIR}/k.txt', 'w'); f.write(3)",
        "f = open('{DIR}/k.txt', 'w'); f.close(); open('{DIR}/k.txt').close(); g = open('{DIR}/k.txt'); g.close(); next(g)",
        "f = open('{DIR}/k.txt', 'w'); f.close(); g = open('{DIR}/k.txt'); g.close(); [x for x in g]",
        "open('{DIR}/k.txt', 'rq')",
        "open('{DIR}/k.txt', 'rw')",
        "open(3.5)",
        "open('{DIR}/k.txt', 'w', encoding='klingon')",
        "open('{DIR}/k.txt', 'w', encoding='utf-8', errors='bogus').write('é')",
        "open('{DIR}/k.txt', 'w', encoding='ascii', errors='bogus').write('é')",
        """
        f = open('{DIR}/l.txt', 'w')
        print(repr(f).replace('{DIR}', 'DIR'), f.name.replace('{DIR}', 'DIR'), f.mode, f.closed, f.writable(), f.readable())
        f.close()
        f = open('{DIR}/l.txt', 'r', encoding='utf-8')
        print(repr(f).replace('{DIR}', 'DIR'), f.encoding, f.errors)
        """,
        """
        print(isinstance(FileNotFoundError(), OSError), issubclass(IsADirectoryError, OSError), issubclass(UnicodeDecodeError, ValueError))
        try:
            open('{DIR}/nothing')
        except OSError as e:
            print(type(e).__name__)
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let template = FileTests.programs[index]
        let run = try Scratch.runBoth(template)
        #expect(run.recur == run.python, "program \(index):\n\(template)")
    }
}
