# shutil: copying files and trees, moving, removing
import os, shutil
os.makedirs('src/inner', exist_ok=True)
open('src/a.txt', 'w').write('alpha')
open('src/inner/b.bin', 'wb').write(b'\x00\x01')
open('src/skip.log', 'w').write('log')
print(shutil.copyfile('src/a.txt', 'copy.txt'), open('copy.txt').read())
os.makedirs('dest', exist_ok=True)
print(shutil.copy('src/a.txt', 'dest'), shutil.copy2('src/a.txt', 'dest/renamed.txt'), sorted(os.listdir('dest')))
print(shutil.copytree('src', 'tree'), sorted(os.listdir('tree')), sorted(os.listdir('tree/inner')))
print(shutil.copytree('src', 'tree2', ignore=shutil.ignore_patterns('*.log')), sorted(os.listdir('tree2')))
print(shutil.move('copy.txt', 'dest'), shutil.move('dest/copy.txt', 'moved.txt'), os.path.exists('moved.txt'))
shutil.rmtree('tree')
print(os.path.exists('tree'))
shutil.rmtree('nothing-here', ignore_errors=True)
for bad in (lambda: shutil.rmtree('nothing-here'), lambda: shutil.copyfile('src/a.txt', 'src/a.txt'), lambda: shutil.copytree('src', 'tree2'),
            lambda: shutil.copyfile('missing.txt', 'x')):
    try:
        bad()
    except shutil.SameFileError as e:
        print('SameFileError', e)
    except OSError as e:
        print(type(e).__name__, e)
