import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// `os`, `os.path`, `glob` and `string`, each program run by Recur and by CPython in its own
/// new directory (`{DIR}`, printed as `DIR`).
@Suite struct OSModuleTests {
    static let programs: [String] = [
        """
        import os
        from os.path import join, basename, dirname, splitext, split, normpath
        for p in ['a/b/c.txt', '/a/b/', 'a', '', '/', '//x', 'a/.bashrc', 'a/..b', 'x.tar.gz', '.', 'a/b.c/d', 'a//b///']:
            print(repr(p), basename(p), dirname(p), splitext(p), split(p), normpath(p))
        print(join('a', 'b', 'c.txt'), join('a/', 'b'), join('a', '/b', 'c'), join('', 'x'), join('a', ''), os.path.join('data', 'names', '*.txt'))
        print(normpath('a/./b/../../..'), normpath('/../a'), normpath('///a//b'), os.sep, os.path.sep, os.curdir, os.pardir, os.name)
        print(os.path.isabs('/x'), os.path.isabs('x'))
        """,
        """
        import os
        os.makedirs('{DIR}/data/names', exist_ok=True)
        os.makedirs('{DIR}/data/names', exist_ok=True)
        os.makedirs('{DIR}/data/other/')
        for name in ['English.txt', 'French.txt', '.hidden.txt', 'notes.md']:
            with open(os.path.join('{DIR}/data/names', name), 'w') as f:
                f.write(name)
        print(sorted(os.listdir('{DIR}/data/names')), sorted(os.listdir('{DIR}/data')))
        print(os.path.exists('{DIR}/data'), os.path.isdir('{DIR}/data'), os.path.isfile('{DIR}/data'))
        print(os.path.exists('{DIR}/data/names/English.txt'), os.path.isfile('{DIR}/data/names/English.txt'), os.path.isdir('{DIR}/data/names/English.txt'))
        print(os.path.exists('{DIR}/nope'), os.path.isfile('{DIR}/nope'), os.path.isdir('{DIR}/nope'), os.path.getsize('{DIR}/data/names/French.txt'))
        os.remove('{DIR}/data/names/notes.md')
        print(sorted(os.listdir('{DIR}/data/names')))
        os.rename('{DIR}/data/names/French.txt', '{DIR}/data/names/Francais.txt')
        print(sorted(os.listdir('{DIR}/data/names')))
        os.rmdir('{DIR}/data/other')
        os.mkdir('{DIR}/data/new')
        print(sorted(os.listdir('{DIR}/data')))
        """,
        """
        import glob, os
        os.makedirs('{DIR}/data/names')
        os.makedirs('{DIR}/data/sub.txt')
        for name in ['English.txt', 'French.txt', '.hidden.txt', 'notes.md', 'a1.txt', 'b22.txt']:
            open('{DIR}/data/names/' + name, 'w').close()
        def show(pattern):
            print(pattern.replace('{DIR}', 'DIR'), [p.replace('{DIR}', 'DIR') for p in sorted(glob.glob(pattern))])
        for pattern in ['{DIR}/data/names/*.txt', '{DIR}/data/names/.*', '{DIR}/data/*/*.md', '{DIR}/data/*.txt',
                        '{DIR}/data/names/?1.txt', '{DIR}/data/names/[ab]*', '{DIR}/data/names/[!ab]*', '{DIR}/data/names/English.txt',
                        '{DIR}/data/names/Nope.txt', '{DIR}/data/*/', '{DIR}/nothing/*', '{DIR}/data/names', '{DIR}/d*/n*/F*']:
            show(pattern)
        print(glob.has_magic('a*'), glob.has_magic('abc'))
        """,
        """
        import os
        os.makedirs('{DIR}/x')
        os.makedirs('{DIR}/x')
        """,
        "import os\nos.mkdir('{DIR}/a/b')",
        "import os\nos.remove('{DIR}/missing')",
        "import os\nos.remove('{DIR}')",
        "import os\nos.listdir('{DIR}/missing')",
        "import os\nos.rename('{DIR}/a', '{DIR}/b')",
        "import os\nos.path.getsize('{DIR}/missing')",
        "import os\nos.path.join('a', 3)",
        """
        import os
        print(os.path.abspath('{DIR}/a/../b') == os.path.normpath('{DIR}/b'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
        print(os.environ['HOME'] == os.getenv('HOME'), os.environ.get('RECUR_SURELY_UNSET_VARIABLE', 'default'), os.getenv('RECUR_SURELY_UNSET_VARIABLE'))
        print('PATH' in os.environ, os.path.expanduser('~/x') == os.environ['HOME'] + '/x', os.path.expanduser('a~'))
        """,
        """
        import string
        print(repr(string.ascii_letters), repr(string.ascii_lowercase), repr(string.ascii_uppercase))
        print(repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
        print(repr(string.punctuation), repr(string.whitespace), repr(string.printable))
        all_letters = string.ascii_letters + " .,;'"
        print(len(all_letters), all_letters.find('z'))
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let template = OSModuleTests.programs[index]
        let run = try Scratch.runBoth(template)
        #expect(run.recur == run.python, "program \(index):\n\(template)")
    }
}
