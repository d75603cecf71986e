// Calendars: the sub-account's booking calendars; create, edit (with the weekly hours) and delete them.
import { el, fill, ApiError } from '/shared/api.js';
import { call, base, users as listUsers, calendars as listCalendars, subAccount } from './session.js';
import { show, notice, attempt, confirmDialog, copyButton, timeZoneSelect, field, FieldErrors } from './ui.js';
import { hoursEditor } from './hours.js';

export const calendarTypes = {
  personal: { label: 'Personal', help: 'One member; bookings go to them.' },
  roundRobin: { label: 'Round robin', help: 'Each booking goes to one free member, taken in turns.' },
  collective: { label: 'Collective', help: 'Every member must be free, and every member attends.' },
  event: { label: 'Event', help: 'Not tied to anyone\'s Outlook: bookings only block this calendar.' },
};

const calendarPath = (cid) => `${base()}/calendars/${encodeURIComponent(cid)}`;
export const bookingUrl = (cid) => `${location.origin}/book/${encodeURIComponent(cid)}`;

export async function calendarsPage({ params, route }) {
  const [calendars, users] = await Promise.all([listCalendars(), listUsers()]);
  const names = new Map(users.map(u => [u.id, u.name]));
  const deleted = params.get('deleted');
  show('Calendars',
    el('div', { class: 'row heading-row' },
      el('h1', { class: 'grow' }, 'Calendars'),
      el('a', { class: 'button', href: '/console/calendars/new' }, 'New calendar')),
    deleted ? notice('ok', `Deleted ${deleted}. Its appointments are kept.`) : null,
    calendars.length === 0
      ? el('div', { class: 'card' }, el('p', {}, 'No calendars yet. A calendar sets who can be booked, for how long and when.'))
      : el('div', { class: 'card' },
        el('table', {},
          el('thead', {}, el('tr', {}, ['Calendar', 'Type', 'Members', 'Slots', 'Booking page', ''].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, calendars.map(c => el('tr', { 'data-calendar': c.id },
            el('td', {}, el('a', { href: `/console/calendars/${encodeURIComponent(c.id)}` }, el('strong', {}, c.name)), el('div', { class: 'muted small' }, c.timeZone.replaceAll('_', ' '))),
            el('td', {}, calendarTypes[c.type]?.label ?? c.type),
            el('td', {}, c.userIds.length ? c.userIds.map(id => names.get(id) ?? id).join(', ') : '—'),
            el('td', {}, `${c.slotDurationMinutes} min`, el('div', { class: 'muted small' }, `every ${c.slotIntervalMinutes} min`)),
            el('td', {}, c.publicBooking ? el('a', { href: bookingUrl(c.id), 'aria-label': `Booking page of ${c.name}` }, 'Open') : el('span', { class: 'muted' }, 'Off')),
            el('td', { class: 'actions' }, el('div', { class: 'row' },
              el('a', { class: 'button secondary', href: `/console/appointments?calendar=${encodeURIComponent(c.id)}`, 'aria-label': `Appointments of ${c.name}` }, 'Appointments'),
              el('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${c.name}`, onclick: () => attempt(() => deleteCalendar(c, () => route())) }, 'Delete')))))))));
}

/** Asks, then deletes and goes on with <c>then</c>; nothing happens when the user keeps it. */
async function deleteCalendar(calendar, then) {
  const confirmed = await confirmDialog({
    title: `Delete ${calendar.name}?`,
    message: 'Nobody can book it any more and its booking page stops working. Appointments already booked are kept.',
    confirm: 'Delete calendar', keep: 'Keep calendar',
  });
  if (!confirmed) return;
  await call(calendarPath(calendar.id), { method: 'DELETE' });
  await then();
}

export async function calendarPage({ params, navigate }, cid) {
  const [users, account, calendar] = await Promise.all([listUsers(), subAccount(), cid ? call(calendarPath(cid)) : null]);
  const errors = new FieldErrors();
  const current = calendar ?? {
    name: '', type: 'personal', userIds: users.length === 1 ? [users[0].id] : [], timeZone: account.timeZone,
    slotDurationMinutes: 30, slotIntervalMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0, bookingWindowDays: 60, publicBooking: false,
    weeklyHours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map(d => [d, [{ start: '09:00', end: '17:00' }]])),
  };

  const name = el('input', { id: 'name', type: 'text', value: current.name, required: true, maxlength: '200' });
  const members = el('div', {});
  const renderMembers = (type) => {
    const chosen = new Set([...members.querySelectorAll('input:checked')].map(i => i.value));
    const selected = members.childElementCount ? chosen : new Set(current.userIds);
    // A personal calendar has exactly one member: radio buttons, keeping the first member chosen before.
    const single = type === 'personal';
    const first = users.find(u => selected.has(u.id))?.id;
    fill(members, users.length === 0
      ? el('p', {}, 'No team members yet. ', el('a', { href: '/console/users' }, 'Add them on the Users page.'))
      : users.map(u => el('label', { class: 'check' },
        el('input', { type: single ? 'radio' : 'checkbox', name: 'member', value: u.id, checked: single ? u.id === first : selected.has(u.id) }),
        u.name, el('span', { class: 'muted small' }, ` ${u.email}`))));
  };
  const typeChoices = el('fieldset', { 'aria-describedby': FieldErrors.idOf('type') },
    el('legend', {}, 'Type'),
    Object.entries(calendarTypes).map(([value, { label, help }]) => el('label', { class: 'check' },
      el('input', { type: 'radio', name: 'type', value, checked: value === current.type, onchange: () => renderMembers(value) }),
      el('span', {}, el('strong', {}, label), el('span', { class: 'muted small' }, ` ${help}`)))),
    errors.slot('type', 'Type'));
  renderMembers(current.type);

  const number = (id, apiName, label, min, max, hint) => field(errors, apiName, label,
    el('input', { id, type: 'number', inputmode: 'numeric', min: String(min), max: String(max), step: '1', value: String(current[apiName]), required: true, 'data-field': apiName }), hint);
  const zone = timeZoneSelect('time-zone', current.timeZone);
  const publicBooking = el('input', { id: 'public-booking', type: 'checkbox', checked: current.publicBooking, 'aria-describedby': FieldErrors.idOf('publicBooking') });
  const hours = hoursEditor(current.weeklyHours, errors);

  const form = el('form', { class: 'card', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    errors.clear();
    const body = {
      name: name.value.trim(),
      type: form.querySelector('input[name=type]:checked').value,
      userIds: [...members.querySelectorAll('input:checked')].map(i => i.value),
      timeZone: zone.value,
      weeklyHours: hours.value(),
      publicBooking: publicBooking.checked,
    };
    const missing = {};
    for (const input of form.querySelectorAll('input[data-field]')) {
      if (input.value.trim() === '' || !Number.isInteger(Number(input.value))) missing[input.dataset.field] = ['Enter a whole number.'];
      else body[input.dataset.field] = Number(input.value);
    }
    if (Object.keys(missing).length) return errors.show(new ApiError(400, { errors: missing }));
    try {
      const saved = cid
        ? await call(calendarPath(cid), { method: 'PATCH', body })
        : await call(`${base()}/calendars`, { method: 'POST', body });
      await navigate(`/console/calendars/${encodeURIComponent(saved.id)}?saved=${cid ? 'updated' : 'created'}`, { replace: !!cid });
    } catch (e) {
      if (!errors.show(e)) throw e;
    }
  } },
    field(errors, 'name', 'Name', name, 'What people book, as the booking page shows it: "Intro call".'),
    typeChoices,
    el('fieldset', { 'aria-describedby': FieldErrors.idOf('userIds') }, el('legend', {}, 'Members'), members, errors.slot('userIds', 'Members')),
    field(errors, 'timeZone', 'Time zone', zone, 'The weekly hours are in this zone; appointments are shown in it.'),
    el('div', { class: 'grid' },
      number('slot-duration', 'slotDurationMinutes', 'Duration (minutes)', 5, 1440, 'How long one appointment is.'),
      number('slot-interval', 'slotIntervalMinutes', 'Interval (minutes)', 5, 1440, 'Start times are offered this often.'),
      number('buffer-before', 'bufferBeforeMinutes', 'Buffer before (minutes)', 0, 1440, 'Kept free before each appointment.'),
      number('buffer-after', 'bufferAfterMinutes', 'Buffer after (minutes)', 0, 1440, 'Kept free after each appointment.'),
      number('minimum-notice', 'minimumNoticeMinutes', 'Minimum notice (minutes)', 0, 525600, 'How soon a booking may start.'),
      number('booking-window', 'bookingWindowDays', 'Booking window (days)', 1, 730, 'How far ahead people can book.')),
    hours.editor,
    el('div', { class: 'field' },
      el('label', { class: 'check' }, publicBooking, 'Public booking: anyone with the link can book this calendar'),
      errors.slot('publicBooking')),
    errors.slot('form'),
    el('div', { class: 'row' },
      el('button', { type: 'submit' }, cid ? 'Save' : 'Create calendar'),
      el('a', { href: '/console/calendars' }, 'Back to calendars')));

  const saved = params.get('saved');
  show(calendar ? calendar.name : 'New calendar',
    el('h1', {}, calendar ? calendar.name : 'New calendar'),
    calendar ? el('p', { class: 'row' },
      el('a', { href: `/console/appointments?calendar=${encodeURIComponent(calendar.id)}` }, 'Appointments'),
      el('a', { href: `/console/troubleshoot?calendar=${encodeURIComponent(calendar.id)}` }, 'Why is a time not bookable? Troubleshoot a day')) : null,
    saved ? notice('ok', saved === 'created' ? 'Calendar created.' : 'Saved.') : null,
    calendar?.publicBooking ? bookingPageCard(calendar) : null,
    form,
    calendar ? el('div', { class: 'card' },
      el('h2', {}, 'Delete this calendar'),
      el('p', { class: 'muted' }, 'Appointments already booked are kept.'),
      el('button', { type: 'button', class: 'danger', onclick: () => attempt(() => deleteCalendar(calendar, () => navigate(`/console/calendars?deleted=${encodeURIComponent(calendar.name)}`))) }, 'Delete calendar')) : null);
}

/** The public booking link and an iframe snippet for embedding the booking page in another site. */
function bookingPageCard(calendar) {
  const url = bookingUrl(calendar.id);
  const link = el('input', { id: 'booking-link', type: 'text', readonly: true, value: url });
  const snippet = el('textarea', { id: 'embed-snippet', readonly: true, rows: '3' });
  snippet.value = `<iframe src="${url}" title="Book ${calendar.name.replaceAll('"', '&quot;')}" style="width:100%;min-height:640px;border:0"></iframe>`;
  return el('section', { class: 'card', 'aria-labelledby': 'booking-page-heading' },
    el('h2', { id: 'booking-page-heading' }, 'Booking page'),
    el('div', { class: 'field' },
      el('label', { for: 'booking-link' }, 'Link'),
      link,
      el('div', { class: 'row' }, copyButton('Copy link', link, 'booking page link'), el('a', { href: url, target: '_blank', rel: 'noopener' }, 'Open booking page'))),
    el('div', { class: 'field' },
      el('label', { for: 'embed-snippet' }, 'Embed on your site'),
      snippet,
      copyButton('Copy snippet', snippet, 'embed snippet')));
}
