extension BundledModules {
    /// The second part of `datetime`: date, time, datetime and strptime.
    static let datetimeCalendar = #"""
class date(_Ordered):
    def __init__(self, year, month, day):
        self._year, self._month, self._day = _check_date_fields(year, month, day)

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            if len(date_string) == 10 and date_string[4] == '-' and date_string[7] == '-':
                return cls(int(date_string[:4]), int(date_string[5:7]), int(date_string[8:10]))
            if len(date_string) == 8 and date_string.isdigit():
                return cls(int(date_string[:4]), int(date_string[4:6]), int(date_string[6:8]))
        except ValueError:
            pass
        raise ValueError('Invalid isoformat string: %r' % (date_string,))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1monday = _isoweek1monday(year)
        today = self.toordinal()
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _isoweek1monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return 'datetime.date(%d, %d, %d)' % (self._year, self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[weekday], _MONTHNAMES[self._month], self._day, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime)

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


_MAXORDINAL = 3652059


def _isoweek1monday(year):
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag))


class IsoCalendarDate:
    def __init__(self, year, week, weekday):
        self.year = year
        self.week = week
        self.weekday = weekday

    def __iter__(self):
        return iter((self.year, self.week, self.weekday))

    def __getitem__(self, i):
        return (self.year, self.week, self.weekday)[i]

    def __len__(self):
        return 3

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % (self.year, self.week, self.weekday)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class _TimeOfDay:
    # The time fields time and datetime share.
    def _set_time(self, hour, minute, second, microsecond, tzinfo, fold):
        self._hour, self._minute, self._second, self._microsecond, self._fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)


class time(_TimeOfDay, _Ordered):
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self._set_time(hour, minute, second, microsecond, tzinfo, fold)


    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond != 0:
            s = ', %d, %d' % (self._second, self._microsecond)
        elif self._second != 0:
            s = ', %d' % self._second
        else:
            s = ''
        s = 'datetime.time(%d, %d%s)' % (self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        return s

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))

    def __format__(self, fmt):
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _comparable(self, other):
        return isinstance(other, time)

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date, _TimeOfDay):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self._year, self._month, self._day = _check_date_fields(year, month, day)
        self._set_time(hour, minute, second, microsecond, tzinfo, fold)


    @classmethod
    def _from_epoch(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        fields = _time.gmtime(t) if utc else _time.localtime(t)
        y, m, d, hh, mm, ss = fields[:6]
        ss = min(ss, 59)
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_epoch(t, False, None)
        return cls._from_epoch(t, True, tz) + tz.utcoffset(None)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_epoch(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond, tzinfo,
                   fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            d = date.fromisoformat(date_string[:10])
            rest = date_string[11:]
            if len(date_string) > 10 and date_string[10] not in 'T ':
                raise ValueError
            hh = mm = ss = us = 0
            tz = None
            if rest:
                for marker in ('+', '-', 'Z'):
                    if marker in rest:
                        at = rest.index(marker)
                        zone = rest[at:]
                        rest = rest[:at]
                        if zone == 'Z':
                            tz = timezone.utc
                        else:
                            sign = -1 if zone[0] == '-' else 1
                            zh, zm = int(zone[1:3]), int(zone[4:6] if ':' in zone else zone[3:5] or 0)
                            tz = timezone(sign * timedelta(hours=zh, minutes=zm))
                        break
                pieces = rest.split(':')
                hh = int(pieces[0])
                if len(pieces) > 1:
                    mm = int(pieces[1])
                if len(pieces) > 2:
                    seconds = pieces[2].replace(',', '.')
                    if '.' in seconds:
                        whole, fraction = seconds.split('.')
                        ss = int(whole)
                        us = int((fraction + '000000')[:6])
                    else:
                        ss = int(seconds)
            return cls(d.year, d.month, d.day, hh, mm, ss, us, tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (date_string,)) from None

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, -1)

    def timestamp(self):
        if self._tzinfo is not None:
            return (self - _EPOCH).total_seconds()
        # Local time: the epoch seconds whose local fields are these.
        guess = (self - datetime(1970, 1, 1)).total_seconds()
        local = datetime._from_epoch(guess, False, None)
        offset = (local - datetime._from_epoch(guess, True, None)).total_seconds()
        return guess - offset

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def astimezone(self, tz=None):
        if tz is None:
            raise NotImplementedError('datetime.astimezone() without a timezone is not provided by Recur')
        if self._tzinfo is None:
            utc = datetime._from_epoch(self.timestamp(), True, None)
        else:
            utc = (self - self.utcoffset()).replace(tzinfo=None)
        return (utc + tz.utcoffset(None)).replace(tzinfo=tz)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def isoformat(self, sep='T', timespec='auto'):
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) + _format_time(
            self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        s = 'datetime.datetime(%s)' % ', '.join(map(str, fields))
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAYNAMES[weekday], _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second, self._year)

    def _total_microseconds(self):
        total = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                 + self._microsecond)
        offset = self.utcoffset()
        if offset is not None:
            total -= offset._total()
        return total

    def _check_comparable(self, other):
        if (self._tzinfo is None) != (other._tzinfo is None):
            return False
        return True

    def _compare(self, other, op, equality):
        if not isinstance(other, datetime):
            if isinstance(other, date) and not equality:
                raise TypeError("can't compare datetime.datetime to %s" % type(other).__name__)
            return NotImplemented
        if not self._check_comparable(other):
            if equality:
                return op(0, 1)
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return op(self._total_microseconds(), other._total_microseconds())

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b, True)

    def __ne__(self, other):
        result = self._compare(other, lambda a, b: a == b, True)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b, False)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b, False)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b, False)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b, False)

    def __hash__(self):
        return hash(self._total_microseconds())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                 + self._microsecond + other._total())
        days, rest = divmod(total, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        seconds, us = divmod(rest, 1000000)
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        y, m, d = _ord2ymd(days)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return timedelta._from_microseconds(self._total_microseconds() - other._total_microseconds())


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _strptime(cls, data_string, format):
    # The common directives of CPython's _strptime.
    import re
    patterns = {'Y': r'(?P<Y>\d\d\d\d)', 'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])', 'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
                'H': r'(?P<H>2[0-3]|[0-1]\d|\d)', 'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])', 'M': r'(?P<M>[0-5]\d|\d)',
                'S': r'(?P<S>6[0-1]|[0-5]\d|\d)', 'f': r'(?P<f>[0-9]{1,6})', 'y': r'(?P<y>\d\d)',
                'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
                'b': '(?P<b>' + '|'.join(_MONTHNAMES[1:]) + ')', 'B': '(?P<B>' + '|'.join(_FULL_MONTHS[1:]) + ')',
                'a': '(?P<a>' + '|'.join(_DAYNAMES[1:]) + ')', 'A': '(?P<A>' + '|'.join(_FULL_DAYS) + ')',
                'p': '(?P<p>AM|PM)', '%': '%'}
    regex = []
    i = 0
    while i < len(format):
        ch = format[i]
        if ch == '%' and i + 1 < len(format):
            directive = format[i + 1]
            if directive not in patterns:
                if directive in 'zZUWcxXGuVw':
                    raise NotImplementedError('strptime directive %%%s is not provided by Recur' % directive)
                raise ValueError("'%s' is a bad directive in format '%s'" % (directive, format))
            regex.append(patterns[directive])
            i += 2
        elif ch == '%':
            raise ValueError("stray % in format '%s'" % format)
        elif ch.isspace():
            regex.append(r'\s+')
            i += 1
        else:
            regex.append(re.escape(ch))
            i += 1
    found = re.match(''.join(regex), data_string, re.IGNORECASE)
    if found is None:
        raise ValueError('time data %r does not match format %r' % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError('unconverted data remains: %s' % data_string[found.end():])
    values = found.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    if values.get('Y'):
        year = int(values['Y'])
    elif values.get('y'):
        year = int(values['y'])
        year += 2000 if year <= 68 else 1900
    if values.get('m'):
        month = int(values['m'])
    elif values.get('b'):
        month = [m.lower() if m else m for m in _MONTHNAMES].index(values['b'].lower())
    elif values.get('B'):
        month = [m.lower() if m else m for m in _FULL_MONTHS].index(values['B'].lower())
    if values.get('d'):
        day = int(values['d'])
    if values.get('H'):
        hour = int(values['H'])
    elif values.get('I'):
        hour = int(values['I']) % 12
        if (values.get('p') or '').lower() == 'pm':
            hour += 12
    if values.get('M'):
        minute = int(values['M'])
    if values.get('S'):
        second = int(values['S'])
    if values.get('f'):
        fraction = int((values['f'] + '000000')[:6])
    if values.get('j') and not values.get('m') and not values.get('d'):
        ordinal = _ymd2ord(year, 1, 1) + int(values['j']) - 1
        year, month, day = _ord2ymd(ordinal)
    return cls(year, month, day, hour, minute, second, fraction)
"""#
}
