"""Property tests: any date written in any supported form comes back as itself, for any anchor."""

from __future__ import annotations

import calendar

from datetime import date, timedelta

import yaml
from hijridate import Gregorian
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.mentions.numbers import number_forms, ordinal_forms, parse_number, parse_ordinal
from rasad.mentions.times import find_times
from rasad.model import Doc
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_text

LEXICONS = DATA_DIR / "lexicons"
MONTHS = {int(k): v["ar"] + v["en"] for k, v in yaml.safe_load((LEXICONS / "months.yaml").read_text("utf-8")).items()}
HIJRI = {int(k): v["ar"] for k, v in yaml.safe_load((LEXICONS / "ar/hijri.yaml").read_text("utf-8"))["months"].items()}
WEEKDAYS = {int(k): v for k, v in yaml.safe_load((LEXICONS / "ar/time.yaml").read_text("utf-8"))["weekdays"].items()}
ORDINAL_DAYS = {n: [f for f in ordinal_forms() if f.startswith("ال") and parse_ordinal(f) == n] for n in range(1, 32)}
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
EN_MONTHS = {int(k): v["en"] for k, v in yaml.safe_load((LEXICONS / "months.yaml").read_text("utf-8")).items()}

ARABIC_COUNTS = sorted((form, int(value)) for form in number_forms()
                       if not form.isascii() and (value := parse_number(form)) and 3 <= value <= 99)
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
anchors = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))


def tag(text: str, anchor: date | None) -> list[str | None]:
    doc = Doc(id="d:p", file="p.txt", text=text, norm=normalise_text(text),
              published=anchor.isoformat() if anchor else None)
    return [t.value for t in find_times(doc, anchor, False)]


@settings(max_examples=150, deadline=None)
@given(day=dates, anchor=anchors, data=st.data())
def test_day_month_year_in_every_month_system(day: date, anchor: date | None, data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(MONTHS[day.month]))
    digits = data.draw(st.sampled_from([str, lambda s: str(s).translate(INDIC), lambda s: str(s).translate(PERSIAN)]))
    ordinals = ORDINAL_DAYS[day.day]
    day_text = data.draw(st.sampled_from([digits(day.day), f"{day.day:02d}"] + [f"{o} من" for o in ordinals]))
    text = f"وقال في {day_text} {month} {digits(day.year)} إن"
    assert tag(text, anchor) == [day.isoformat()]


@settings(max_examples=100, deadline=None)
@given(day=dates, anchor=anchors, data=st.data())
def test_english_month_day_year(day: date, anchor: date | None, data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(EN_MONTHS[day.month]))
    assert tag(f"It said on {month} {day.day}, {day.year} that", anchor) == [day.isoformat()]


@settings(max_examples=100, deadline=None)
@given(day=dates, anchor=anchors, sep=st.sampled_from("/.-"))
def test_numeric_dates_are_day_month_year(day: date, anchor: date | None, sep: str) -> None:
    assert tag(f"بتاريخ {day.day}{sep}{day.month}{sep}{day.year} صدر", anchor) == [day.isoformat()]


@settings(max_examples=100, deadline=None)
@given(day=dates, anchor=anchors, data=st.data())
def test_month_and_year(day: date, anchor: date | None, data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(MONTHS[day.month]))
    assert tag(f"منذ {month} {day.year} لم", anchor) == [f"{day.year:04d}-{day.month:02d}"]


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), data=st.data())
def test_hijri_dates(day: date, data: st.DataObject) -> None:
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    month = data.draw(st.sampled_from(HIJRI[hijri.month]))
    assert tag(f"في {hijri.day} {month} {hijri.year}هـ أعلن", None) == [day.isoformat()]


@settings(max_examples=150, deadline=None)
@given(anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), back=st.integers(0, 6),
       data=st.data())
def test_weekday_is_the_latest_such_day(anchor: date, back: int, data: st.DataObject) -> None:
    day = anchor - timedelta(days=back)
    name = data.draw(st.sampled_from(WEEKDAYS[day.weekday()]))
    assert tag(f"وقال {name} إن", anchor) == [day.isoformat()]
    last = day if back else day - timedelta(days=7)
    assert tag(f"وقال يوم {name} الماضي إن", anchor) == [last.isoformat()]


@settings(max_examples=100, deadline=None)
@given(anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), data=st.data())
def test_month_with_modifier(anchor: date, data: st.DataObject) -> None:
    month = data.draw(st.integers(1, 12))
    name = data.draw(st.sampled_from(MONTHS[month]))
    past_year = anchor.year if month < anchor.month else anchor.year - 1
    next_year = anchor.year if month > anchor.month else anchor.year + 1
    assert tag(f"في {name} الماضي قال", anchor) == [f"{past_year:04d}-{month:02d}"]
    assert tag(f"في {name} المقبل قال", anchor) == [f"{next_year:04d}-{month:02d}"]


@settings(max_examples=150, deadline=None)
@given(anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       count=st.sampled_from(ARABIC_COUNTS))
def test_days_ago_in_number_words(anchor: date, count: tuple[str, int]) -> None:
    words, days = count
    unit = "أيام" if days <= 10 else "يوما"
    assert tag(f"وقال قبل {words} {unit} إن", anchor) == [(anchor - timedelta(days=days)).isoformat()]


WORDS = st.sampled_from(["قبل", "منذ", "خلال", "في", "من", "إلى", "و", "الماضي", "المقبل", "الجاري", "أيام", "شهرين",
                         "عام", "العام", "2014", "30", "٢٠٢٥", "كانون الثاني", "شباط", "الإثنين", "اليوم", "أمس",
                         "منتصف", "بحلول", "(", ")", "/", "-", "1447هـ", "رمضان", "نحو", "أكثر من", "last", "ago",
                         "May", "5", "99%", "1.7", "900-1000", "the", "within", "a", "month"])


def _last_day(value: str) -> date:
    """The last day of an ISO day, month or year: the end of the period the value names."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, max_size=14), anchor=anchors)
def test_any_text_gives_well_formed_mentions(words: list[str], anchor: date | None) -> None:
    text = " ".join(words)
    doc = Doc(id="d:f", file="f.txt", text=text, norm=normalise_text(text),
              published=anchor.isoformat() if anchor else None)
    for mention in find_times(doc, anchor, False):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        if mention.value is not None:
            first, _, last = mention.value.partition("/")
            start = None if first == ".." else date.fromisoformat((first + "-01-01")[:10])
            end = None if last in ("", "..") else _last_day(last)
            assert start is None or end is None or start <= end, mention
