extension BundledModules {
    /// `shutil`, written in Recur script.
    static let shutil = #"""
"""File and directory copying and removal (Recur's shutil: the common functions, over os and
open(); file permissions and times are not copied)."""
import os


class Error(OSError):
    pass


class SameFileError(Error):
    pass


def copyfileobj(fsrc, fdst, length=0):
    size = length if length and length > 0 else 65536
    while True:
        chunk = fsrc.read(size)
        if not chunk:
            break
        fdst.write(chunk)


def _name(path):
    return path.__fspath__() if hasattr(path, '__fspath__') else path


def copyfile(src, dst, *, follow_symlinks=True):
    src, dst = _name(src), _name(dst)
    if os.path.exists(dst) and os.path.abspath(src) == os.path.abspath(dst):
        raise SameFileError('{!r} and {!r} are the same file'.format(src, dst))
    with open(src, 'rb') as fsrc:
        with open(dst, 'wb') as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copy(src, dst, *, follow_symlinks=True):
    src, dst = _name(src), _name(dst)
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst)
    return dst


copy2 = copy


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False, dirs_exist_ok=False):
    src, dst = _name(src), _name(dst)
    names = os.listdir(src)
    ignored = ignore(src, names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    for name in names:
        if name in ignored:
            continue
        source = os.path.join(src, name)
        target = os.path.join(dst, name)
        if os.path.isdir(source):
            copytree(source, target, symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok)
        else:
            copy_function(source, target)
    return dst


def rmtree(path, ignore_errors=False, onerror=None):
    path = _name(path)
    try:
        if not os.path.isdir(path):
            if os.path.exists(path):
                raise NotADirectoryError('[Errno 20] Not a directory: %r' % path)
            raise FileNotFoundError('[Errno 2] No such file or directory: %r' % path)
        for name in os.listdir(path):
            child = os.path.join(path, name)
            if os.path.isdir(child):
                rmtree(child)
            else:
                os.remove(child)
        os.rmdir(path)
    except OSError:
        if not ignore_errors:
            raise


def move(src, dst, copy_function=copy2):
    src, dst = _name(src), _name(dst)
    target = dst
    if os.path.isdir(dst):
        target = os.path.join(dst, os.path.basename(src.rstrip('/')))
        if os.path.exists(target):
            raise Error("Destination path '%s' already exists" % target)
    os.rename(src, target)
    return target


def ignore_patterns(*patterns):
    import glob

    def _ignore(path, names):
        ignored = set()
        for pattern in patterns:
            for match in glob.glob(os.path.join(glob.escape(path) if hasattr(glob, 'escape') else path, pattern)):
                ignored.add(os.path.basename(match))
        return ignored
    return _ignore
"""#
}
