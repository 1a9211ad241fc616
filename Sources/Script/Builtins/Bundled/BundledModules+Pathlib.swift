extension BundledModules {
    /// `pathlib`, written in Recur script.
    static let pathlib = #"""
"""Object-oriented filesystem paths (Recur's pathlib: PurePosixPath and PosixPath with their
common methods, over os, os.path and glob)."""
import os
import glob as _glob


def _normalized_parts(text):
    if text == '':
        return '', []
    root = '/' if text.startswith('/') else ''
    if text.startswith('//') and not text.startswith('///'):
        root = '//'
    parts = [part for part in text.split('/') if part and part != '.']
    return root, parts


class PurePath:
    def __init__(self, *segments):
        text = ''
        for segment in segments:
            if isinstance(segment, PurePath):
                segment = str(segment)
            elif not isinstance(segment, str):
                raise TypeError("expected str, bytes or os.PathLike object, not " + type(segment).__name__)
            if segment.startswith('/'):
                text = segment
            elif text and not text.endswith('/'):
                text = text + '/' + segment
            else:
                text = text + segment
        self._root, self._parts = _normalized_parts(text)

    @classmethod
    def _from(cls, root, parts):
        path = cls()
        path._root = root
        path._parts = list(parts)
        return path

    def __str__(self):
        text = self._root + '/'.join(self._parts)
        return text or '.'

    def __fspath__(self):
        return str(self)

    def __repr__(self):
        # Path() makes PosixPath objects and PurePath() PurePosixPath ones, as on CPython's Linux.
        name = type(self).__name__
        name = {'Path': 'PosixPath', 'PurePath': 'PurePosixPath'}.get(name, name)
        return '%s(%r)' % (name, str(self))

    def __eq__(self, other):
        return isinstance(other, PurePath) and str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __truediv__(self, other):
        return type(self)(self, other)

    def __rtruediv__(self, other):
        return type(self)(other, self)

    def joinpath(self, *others):
        return type(self)(self, *others)

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def drive(self):
        return ''

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        result = []
        parts = self._parts
        while parts:
            parts = parts[:-1]
            result.append(self._from(self._root, parts))
        return tuple(result)

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith('.') or suffix == '.' or '/' in suffix):
            raise ValueError('Invalid suffix %r' % (suffix,))
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        return self.with_name(self.stem + suffix)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def is_absolute(self):
        return bool(self._root)

    def as_posix(self):
        return str(self)

    def relative_to(self, other):
        other = type(self)(other)
        if other._root != self._root or self._parts[:len(other._parts)] != other._parts:
            raise ValueError('%r is not in the subpath of %r OR one path is relative and the other is absolute.' % (str(self), str(other)))
        return self._from('', self._parts[len(other._parts):])


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        return self if self.is_absolute() else type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(os.path.normpath(os.path.abspath(str(self))))

    def exists(self):
        return os.path.exists(str(self))

    def is_file(self):
        return os.path.isfile(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self / name

    def glob(self, pattern):
        base = str(self)
        for match in sorted(_glob.glob(os.path.join(base, pattern))):
            yield type(self)(match)

    def rglob(self, pattern):
        directories = [str(self)]
        found = []
        while directories:
            directory = directories.pop(0)
            found.extend(_glob.glob(os.path.join(directory, pattern)))
            for name in sorted(os.listdir(directory)):
                child = os.path.join(directory, name)
                if os.path.isdir(child):
                    directories.append(child)
        for match in sorted(found):
            yield type(self)(match)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if parents:
            os.makedirs(str(self), exist_ok=exist_ok)
        else:
            try:
                os.mkdir(str(self))
            except FileExistsError:
                if not exist_ok or not self.is_dir():
                    raise

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        if 'b' in mode:
            return open(str(self), mode)
        return open(str(self), mode, encoding=encoding, errors=errors, newline=newline)

    def read_text(self, encoding=None, errors=None):
        with self.open(encoding=encoding, errors=errors) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % type(data).__name__)
        with self.open('w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def write_bytes(self, data):
        with self.open('wb') as f:
            return f.write(bytes(data))

    def touch(self, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError("[Errno 17] File exists: '%s'" % str(self))
            return
        open(str(self), 'a').close()

    def unlink(self, missing_ok=False):
        try:
            os.remove(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        os.rename(str(self), str(target))
        return type(self)(target)

    def samefile(self, other):
        return os.path.abspath(str(self)) == os.path.abspath(str(other))


class PosixPath(Path):
    pass
"""#
}
