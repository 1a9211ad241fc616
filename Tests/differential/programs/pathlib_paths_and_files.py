# pathlib: building paths with /, their parts, and reading and writing files through them
from pathlib import Path, PurePath
import pathlib
p = Path('data') / 'names' / 'English.txt'
print(p, repr(p), p.name, p.stem, p.suffix, p.parent, p.parent.parent, p.parts, Path('a.tar.gz').suffixes, Path('/x/y').is_absolute())
print(p.with_suffix('.csv'), p.with_name('French.txt'), Path('a') / Path('b'), 'root' / Path('leaf'), Path('a//b/./c'), Path(), Path('/'))
print([str(x) for x in p.parents], Path('a/b').joinpath('c', 'd'), Path('/a/b/c').relative_to('/a'), PurePath('x/y').as_posix())
print(Path('a') == Path('a'), Path('a') == Path('b'), sorted([Path('b'), Path('a')]), hash(Path('k')) == hash(Path('k')))
base = Path('tree')
(base / 'sub').mkdir(parents=True, exist_ok=True)
print((base / 'one.txt').write_text('héllo\n', encoding='utf-8'), (base / 'sub' / 'two.txt').write_text('x'), (base / 'raw.bin').write_bytes(b'\x00\x01'))
print((base / 'one.txt').read_text(encoding='utf-8'), (base / 'raw.bin').read_bytes(), base.exists(), base.is_dir(), (base / 'one.txt').is_file())
print(sorted(str(x) for x in base.iterdir()), [str(x) for x in base.glob('*.txt')], [str(x) for x in base.rglob('*.txt')])
with (base / 'one.txt').open(encoding='utf-8') as f:
    print(f.readline().strip())
with open(base / 'one.txt', encoding='utf-8') as f:
    print(f.read().strip())
names = {path.stem: path.read_text(encoding='utf-8').split() for path in sorted(Path('.').glob('*_utf8.txt'))}
print(names)
(base / 'sub' / 'two.txt').unlink()
(base / 'gone.txt').unlink(missing_ok=True)
(base / 'sub').rmdir()
(base / 'new.txt').touch()
print(sorted(x.name for x in base.iterdir()), Path.cwd() == Path('.').resolve(), Path('tree').resolve().is_absolute())
for bad in (lambda: Path('a').with_suffix('txt'), lambda: Path('').with_name('x'), lambda: Path('/a').relative_to('/b'), lambda: Path('missing.txt').read_text()):
    try:
        bad()
    except (ValueError, FileNotFoundError) as e:
        print(type(e).__name__, e)
