s = 'exec(s)'
exec(s)
