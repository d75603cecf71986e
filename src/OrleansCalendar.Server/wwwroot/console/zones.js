// Calendar days and wall-clock times in a chosen IANA time zone, with nothing but Intl.
// A "date" here is a yyyy-MM-dd string: a calendar day, not an instant.

const formatters = new Map();

function partsFormatter(timeZone) {
  if (!formatters.has(timeZone)) {
    formatters.set(timeZone, new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  return formatters.get(timeZone);
}

function wallClock(instant, timeZone) {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map(p => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, utc: Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) };
}

/** The calendar day an instant falls on in a zone. */
export const dateIn = (instant, timeZone) => wallClock(new Date(instant), timeZone).date;

/** Today in a zone. */
export const today = (timeZone) => dateIn(Date.now(), timeZone);

/** The instant a day starts in a zone (a day that starts in a daylight-saving gap starts when the gap ends). */
export function startOfDay(date, timeZone) {
  const wanted = Date.parse(`${date}T00:00:00Z`);
  let instant = wanted;
  for (let i = 0; i < 3; i++) {
    const seconds = Math.floor(instant / 1000) * 1000;
    instant = wanted - (wallClock(new Date(seconds), timeZone).utc - seconds);
  }
  return new Date(instant);
}

export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** The Monday of a day's week. */
export function mondayOf(date) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** "Mon, Dec 7" for a day. */
export const dayLabel = (date, options = { weekday: 'short', month: 'short', day: 'numeric' }) =>
  new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "9:30 AM" of an instant in a zone. */
export const timeLabel = (instant, timeZone) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant));

/** "Monday, December 7, 2026 at 9:30 AM" of an instant in a zone. */
export const longLabel = (instant, timeZone) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(instant));
