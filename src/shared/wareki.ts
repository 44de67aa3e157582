// Dates as a Japanese reader expects them on paper: the era calendar (和暦) in Japan's local time,
// 「令和8年12月2日 7:16」, never an ISO string with a Z. Japan's time zone is named rather than the
// machine's, so a document prints the same date wherever it was produced.
const TIME_ZONE = 'Asia/Tokyo';

const DATE = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TIME_ZONE,
});
const DATE_TIME = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

/** 「令和8年12月2日」 (ICU spells an era's first year 元年, as printed documents do). */
export function warekiDate(when: Date | string): string {
  return DATE.format(new Date(when));
}

/** 「令和8年12月2日 7:16」. */
export function warekiDateTime(when: Date | string): string {
  return DATE_TIME.format(new Date(when));
}
