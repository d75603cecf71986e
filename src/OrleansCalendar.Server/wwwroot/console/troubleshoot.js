// Troubleshooter: why each time of one day can or cannot be booked on a calendar, for everyone or one member.
// Every reason code the availability route returns is said in a plain sentence; a code this page does not know yet
// is still shown, by its code.
import { el, fill, ApiError } from '/shared/api.js';
import { call, base, users as listUsers, calendars as listCalendars } from './session.js';
import { show, notice, timeZoneSelect, field, FieldErrors } from './ui.js';
import { dateIn, today, addDays, dayLabel, timeLabel } from './zones.js';

const showAsLabels = {
  free: 'free', tentative: 'tentative', busy: 'busy', oof: 'out of office', workingElsewhere: 'working elsewhere', unknown: 'unknown',
};

/** "45 minutes", "2 hours", "3 days": a calendar's notice as people say it. */
function duration(minutes) {
  const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** Everything a sentence needs beyond the reason itself: names of members, calendars and Outlook calendars. */
function sentences({ calendar, calendarById, userById, outlookNames, date, timeZone }) {
  // Times on the explained day read "9:30 AM"; on another day they carry the day too.
  const at = (instant) => (dateIn(instant, timeZone) === date ? timeLabel(instant, timeZone) : `${dayLabel(dateIn(instant, timeZone))}, ${timeLabel(instant, timeZone)}`);
  const between = (reason) => `from ${at(reason.start)} to ${at(reason.end)}`;
  const who = (reason) => (reason.userId ? userById.get(reason.userId)?.name ?? reason.userId : null);
  const bookedOn = (source) => {
    const other = source?.calendarId && source.calendarId !== calendar.id;
    return other ? ` (booked on ${calendarById.get(source.calendarId)?.name ?? 'a deleted calendar'})` : '';
  };
  const outlookEvent = (reason) => {
    const { outlookCalendarId, showAs, subject } = reason.source ?? {};
    const name = outlookNames.get(`${reason.userId}/${outlookCalendarId}`) ?? outlookCalendarId ?? 'an Outlook calendar';
    const what = subject ? `“${subject}”` : 'an event';
    const shown = showAs ? `, shown as ${showAsLabels[showAs] ?? showAs}` : '';
    return `${what} on the Outlook calendar “${name}”${shown}`;
  };

  return {
    'outside-hours': () => 'Outside the calendar\'s weekly hours.',
    'off-grid': () => `Inside the hours, but not one of the calendar's start times: they start at the beginning of each range of hours and every ${calendar.slotIntervalMinutes} minutes after it. A booking at exactly this time is still accepted when it is free.`,
    'minimum-notice': (r) => `Too soon: bookings need ${duration(calendar.minimumNoticeMinutes)} notice, so the first time that can be booked starts at ${at(r.end)}.`,
    'beyond-booking-window': (r) => `Too far ahead: bookings are taken up to ${duration(calendar.bookingWindowDays * 1440)} ahead, so the last time that can be booked starts at ${at(r.start)}.`,
    appointment: (r) => `${who(r) ? `${who(r)} already has` : 'This calendar already has'} an appointment ${between(r)}${bookedOn(r.source)}.`,
    'appointment-buffer': (r) => `Too close to ${who(r) ? `${who(r)}'s` : 'an'} appointment ${between(r)}${bookedOn(r.source)}: the buffer time kept free around appointments overlaps this time.`,
    'outlook-busy': (r) => `${who(r) ?? 'This calendar\'s owner'} is busy in Outlook ${between(r)}: ${outlookEvent(r)}.`,
    'no-member-free': () => 'No member is free: a round-robin calendar needs at least one member who is free.',
    'member-busy': (r) => `${who(r) ?? 'A member'} is busy:`,
  };
}

/** The reasons as a list; a member's own reasons are nested under the sentence that names the busy member. */
function reasonList(reasons, say) {
  const top = el('ul', { class: 'reasons' });
  let member = null;
  for (const reason of reasons) {
    const sentence = say[reason.code]?.(reason) ?? `Not bookable (${reason.code}).`;
    const item = el('li', { 'data-code': reason.code, 'data-appointment': reason.source?.appointmentId }, sentence);
    if (reason.code === 'member-busy') {
      member = { userId: reason.userId, list: el('ul', { class: 'reasons' }) };
      item.append(member.list);
      top.append(item);
    } else if (member && reason.userId === member.userId) {
      member.list.append(item);
    } else {
      member = null;
      top.append(item);
    }
  }
  return top;
}

/** Where a slot stands, for its badge and the colour of its mark on the timeline. */
function kindOf(slot) {
  if (slot.bookable) return { kind: 'bookable', label: 'Bookable' };
  const rulesOnly = slot.reasons.every(r => r.code === 'outside-hours' || r.code === 'off-grid');
  return rulesOnly ? { kind: 'closed', label: 'Not offered' } : { kind: 'blocked', label: 'Blocked' };
}

export async function troubleshootPage({ params }) {
  const [calendars, users] = await Promise.all([listCalendars(), listUsers()]);
  if (calendars.length === 0) {
    return show('Troubleshooter', el('h1', {}, 'Troubleshooter'),
      el('div', { class: 'card' }, el('p', {}, 'No calendars yet. ', el('a', { href: '/console/calendars/new' }, 'Create a calendar'), ' first.')));
  }

  const calendarById = new Map(calendars.map(c => [c.id, c]));
  const userById = new Map(users.map(u => [u.id, u]));
  const errors = new FieldErrors();
  const initial = calendarById.get(params.get('calendar')) ?? calendars[0];
  const calendarSelect = el('select', { id: 'ts-calendar' }, calendars.map(c => el('option', { value: c.id, selected: c.id === initial.id }, c.name)));
  const zoneSelect = timeZoneSelect('ts-time-zone', params.get('timeZone') ?? initial.timeZone);
  const dateInput = el('input', { id: 'ts-date', type: 'date', required: true, value: params.get('date') ?? today(zoneSelect.value) });
  const memberSelect = el('select', { id: 'ts-member' });
  let zoneChosen = params.has('timeZone');

  const renderMembers = (selected) => {
    const calendar = calendarById.get(calendarSelect.value);
    const members = calendar.userIds.map(id => userById.get(id) ?? { id, name: id });
    fill(memberSelect,
      el('option', { value: '' }, members.length ? 'Every member' : 'No members (the calendar is its own owner)'),
      members.map(m => el('option', { value: m.id, selected: m.id === selected }, m.name)));
    memberSelect.disabled = members.length === 0;
  };
  renderMembers(params.get('user'));

  const status = el('div', { role: 'status', class: 'sr-only' });
  // The heading and day buttons stay while the timeline under them changes, so focus stays on the button pressed.
  const dayHeading = el('h2', { id: 'ts-day-heading', class: 'grow' });
  const timeline = el('div', {});
  const result = el('section', { id: 'ts-result', 'aria-labelledby': 'ts-day-heading', hidden: true },
    el('div', { class: 'row week-nav' },
      dayHeading,
      el('button', { type: 'button', class: 'secondary', onclick: () => move(-1) }, 'Previous day'),
      el('button', { type: 'button', class: 'secondary', onclick: () => move(1) }, 'Next day')),
    timeline);
  const failure = el('div', {});

  const explain = async () => {
    errors.clear();
    const calendar = calendarById.get(calendarSelect.value);
    const timeZone = zoneSelect.value;
    const date = dateInput.value;
    const userId = memberSelect.value;
    const search = new URLSearchParams({ calendar: calendar.id, date, timeZone });
    if (userId) search.set('user', userId);
    history.replaceState(null, '', `/console/troubleshoot?${search}`);

    const query = new URLSearchParams({ date, timeZone });
    if (userId) query.set('userId', userId);
    let day;
    try {
      day = await call(`${base()}/calendars/${encodeURIComponent(calendar.id)}/availability?${query}`);
    } catch (e) {
      result.hidden = true;
      fill(status);
      fill(failure);
      if (!errors.show(e, { 'not-a-calendar-member': 'userId' })) fill(failure, notice('bad', e instanceof ApiError ? e.message : `Something went wrong: ${e.message}`));
      return;
    }

    const outlookNames = await outlookCalendarNames(day.slots);
    const say = sentences({ calendar, calendarById, userById, outlookNames, date: day.date, timeZone: day.timeZone });
    const bookable = day.slots.filter(s => s.bookable).length;
    const whose = userId ? `${userById.get(userId)?.name ?? userId}, ${calendar.name}` : calendar.name;
    const summary = bookable === 0
      ? 'No time can be booked on this day.'
      : `${bookable} of ${day.slots.length} times can be booked.`;
    fill(failure);
    dayHeading.textContent = `${whose}: ${dayLabel(day.date, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })}`;
    result.hidden = false;
    fill(timeline,
      el('p', {}, summary, el('span', { class: 'muted small' }, ` Times in ${day.timeZone.replaceAll('_', ' ')}.`)),
      el('ol', { class: 'timeline', 'aria-labelledby': 'ts-day-heading' }, day.slots.map(slot => {
        const { kind, label } = kindOf(slot);
        return el('li', { class: `slot ${kind}`, 'data-start': slot.start, 'data-bookable': String(slot.bookable) },
          el('div', { class: 'when' }, `${timeLabel(slot.start, day.timeZone)} – ${timeLabel(slot.end, day.timeZone)}`),
          el('div', { class: 'what' },
            el('span', { class: `badge slot-${kind}` }, label),
            slot.reasons.length ? reasonList(slot.reasons, say) : null));
      })));
    fill(status, `${whose}, ${dayLabel(day.date)}: ${summary}`);
  };

  /** The Outlook calendars' names of every member an outlook-busy reason names, by "userId/outlookCalendarId". */
  const outlookCalendarNames = async (slots) => {
    const members = new Set(slots.flatMap(s => s.reasons).filter(r => r.code === 'outlook-busy' && r.userId).map(r => r.userId));
    const names = new Map();
    await Promise.all([...members].map(async (uid) => {
      try {
        const { items } = await call(`${base()}/users/${encodeURIComponent(uid)}/connections/outlook/calendars`);
        for (const c of items) names.set(`${uid}/${c.id}`, c.name);
      } catch {
        // A disconnected member's calendars cannot be listed: the sentence names the calendar by its id instead.
      }
    }));
    return names;
  };

  const move = (days) => {
    dateInput.value = addDays(dateInput.value || today(zoneSelect.value), days);
    return explain();
  };

  const settingsLink = el('a', { href: `/console/calendars/${encodeURIComponent(initial.id)}` }, 'Calendar settings');
  calendarSelect.addEventListener('change', () => {
    const calendar = calendarById.get(calendarSelect.value);
    if (!zoneChosen) zoneSelect.value = calendar.timeZone;
    renderMembers(null);
    settingsLink.href = `/console/calendars/${encodeURIComponent(calendar.id)}`;
  });
  zoneSelect.addEventListener('change', () => { zoneChosen = true; });

  const form = el('form', { class: 'card controls', novalidate: true, 'aria-labelledby': 'ts-form-heading', onsubmit: (event) => {
    event.preventDefault();
    return explain();
  } },
    el('h2', { id: 'ts-form-heading' }, 'Which day?'),
    el('div', { class: 'grid' },
      field(errors, 'calendar', 'Calendar', calendarSelect),
      field(errors, 'date', 'Day', dateInput),
      field(errors, 'userId', 'Member (optional)', memberSelect, 'On a team calendar, explain one member\'s times.'),
      field(errors, 'timeZone', 'Time zone', zoneSelect)),
    errors.slot('form'),
    el('div', { class: 'row' },
      el('button', { type: 'submit' }, 'Explain this day'),
      settingsLink));

  show('Troubleshooter',
    el('h1', {}, 'Troubleshooter'),
    el('p', { class: 'muted' }, 'Why each time of a day can or cannot be booked: the weekly hours, notice and booking window, appointments and their buffers, and busy time in Outlook.'),
    form,
    status,
    failure,
    result);
  await explain();
}
