// Appointments: a week per calendar or per team member, in a chosen time zone; details, reschedule to an offered
// time, cancel. Each appointment shows where its copy in the members' Outlook stands.
import { el, fill, ApiError } from '/shared/api.js';
import { call, base, listAll, users as listUsers, calendars as listCalendars } from './session.js';
import { show, notice, confirmDialog, timeZoneSelect } from './ui.js';
import { dateIn, today, startOfDay, addDays, mondayOf, dayLabel, timeLabel, longLabel } from './zones.js';

const syncLabels = {
  synced: 'In Outlook', pending: 'Outlook: pending', failed: 'Outlook: failed', notApplicable: 'Not in Outlook',
};
const syncDetails = {
  synced: 'Synced to Outlook', pending: 'Waiting to reach Outlook', failed: 'Could not reach Outlook', notApplicable: 'Not synced (no Outlook connection, or an event calendar)',
};

/** The state that matters most across an appointment's members: a failure, then a wait, then success. */
function overallSync(sync) {
  const states = sync.map(s => s.state);
  return ['failed', 'pending', 'synced'].find(s => states.includes(s)) ?? 'notApplicable';
}

export async function appointmentsPage({ params }) {
  const [calendars, users] = await Promise.all([listCalendars(), listUsers()]);
  if (calendars.length === 0 && users.length === 0) {
    return show('Appointments', el('h1', {}, 'Appointments'),
      el('div', { class: 'card' }, el('p', {}, 'Nothing to show yet. ', el('a', { href: '/console/calendars/new' }, 'Create a calendar'), ' first.')));
  }

  const view = {
    subject: params.has('user') ? `user:${params.get('user')}` : params.has('calendar') ? `calendar:${params.get('calendar')}` : calendars[0] ? `calendar:${calendars[0].id}` : `user:${users[0].id}`,
    timeZone: params.get('timeZone'),
    week: params.get('week'),
  };
  const calendarById = new Map(calendars.map(c => [c.id, c]));
  const userById = new Map(users.map(u => [u.id, u]));
  const subjectOf = (value) => {
    const [kind, id] = value.split(/:(.*)/s);
    return { kind, id, item: kind === 'calendar' ? calendarById.get(id) : userById.get(id) };
  };

  const who = el('select', { id: 'show-for' },
    el('optgroup', { label: 'Calendars' }, calendars.map(c => el('option', { value: `calendar:${c.id}` }, c.name))),
    el('optgroup', { label: 'Team members' }, users.map(u => el('option', { value: `user:${u.id}` }, u.name))));
  who.value = view.subject;
  const zoneSelect = timeZoneSelect('view-time-zone', view.timeZone ?? subjectOf(view.subject).item?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const weekHeading = el('h2', { id: 'week-heading', class: 'grow' });
  const week = el('section', { class: 'week', 'aria-labelledby': 'week-heading' });
  const details = el('section', { id: 'appointment-details', class: 'card', 'aria-labelledby': 'details-heading', hidden: true });
  const status = el('div', { 'aria-live': 'polite' });

  const load = async () => {
    const subject = subjectOf(view.subject);
    const timeZone = zoneSelect.value;
    view.week = mondayOf(view.week ?? today(timeZone));
    const search = new URLSearchParams({ [subject.kind]: subject.id, week: view.week, timeZone });
    history.replaceState(null, '', `/console/appointments?${search}`);

    const days = Array.from({ length: 7 }, (_, i) => addDays(view.week, i));
    weekHeading.textContent = `${subject.item?.name ?? 'Unknown'}: ${dayLabel(days[0], { month: 'short', day: 'numeric' })} – ${dayLabel(days[6], { month: 'short', day: 'numeric', year: 'numeric' })}`;
    const filter = subject.kind === 'calendar' ? `calendarId=${encodeURIComponent(subject.id)}` : `userId=${encodeURIComponent(subject.id)}`;
    const range = `start=${encodeURIComponent(startOfDay(days[0], timeZone).toISOString())}&end=${encodeURIComponent(startOfDay(addDays(view.week, 7), timeZone).toISOString())}`;
    const appointments = (await listAll(`${base()}/appointments?${range}&${filter}`)).sort((a, b) => new Date(a.start) - new Date(b.start));

    const byDay = new Map(days.map(d => [d, []]));
    for (const a of appointments) {
      // One that started before the week (and overlaps it) is listed on its first day.
      (byDay.get(dateIn(a.start, timeZone)) ?? byDay.get(days[0])).push(a);
    }
    const now = today(timeZone);
    fill(week, ...days.map(day => el('section', { class: `day${day === now ? ' today' : ''}`, 'aria-labelledby': `day-${day}` },
      el('h3', { id: `day-${day}` }, dayLabel(day), day === now ? el('span', { class: 'muted small' }, ' · Today') : null),
      byDay.get(day).length === 0
        ? el('p', { class: 'muted small' }, 'No appointments')
        : el('ul', {}, byDay.get(day).map(a => el('li', {}, appointmentCard(a)))))));
  };

  const appointmentCard = (a) => {
    const calendar = calendarById.get(a.calendarId);
    const sync = overallSync(a.sync);
    const subject = subjectOf(view.subject);
    const context = subject.kind === 'user' ? calendar?.name ?? 'Deleted calendar' : a.userIds.map(id => userById.get(id)?.name ?? id).join(', ');
    return el('button', { type: 'button', class: `appointment${a.status === 'cancelled' ? ' cancelled' : ''}`, 'data-appointment': a.id, 'aria-controls': 'appointment-details', onclick: () => openDetails(a) },
      el('span', { class: 'time' }, `${timeLabel(a.start, zoneSelect.value)} – ${timeLabel(a.end, zoneSelect.value)}`),
      el('span', { class: 'what' }, a.title || a.contact.name),
      context ? el('span', { class: 'small' }, context) : null,
      el('span', { class: 'badges' },
        a.status === 'cancelled' ? el('span', { class: 'badge none' }, 'Cancelled') : null,
        el('span', { class: `badge sync-${sync}` }, syncLabels[sync])));
  };

  const openDetails = (a, message) => {
    const timeZone = zoneSelect.value;
    const calendar = calendarById.get(a.calendarId);
    const calendarZone = calendar?.timeZone;
    const heading = el('h2', { id: 'details-heading', tabindex: '-1' }, a.title || `${a.contact.name}${calendar ? ` · ${calendar.name}` : ''}`);
    const row = (term, ...value) => [el('dt', {}, term), el('dd', {}, ...value)];
    const reschedule = el('div', { id: 'reschedule', hidden: true });
    const rescheduleToggle = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'reschedule', onclick: () => {
      const open = reschedule.hidden;
      rescheduleToggle.setAttribute('aria-expanded', String(open));
      reschedule.hidden = !open;
      if (open) offerTimes(a, calendar, reschedule);
    } }, 'Reschedule');

    fill(details,
      heading,
      message ? notice('ok', message) : null,
      el('dl', { class: 'facts' },
        row('When', `${longLabel(a.start, timeZone)} – ${timeLabel(a.end, timeZone)}`,
          calendarZone && calendarZone !== timeZone ? el('div', { class: 'muted small' }, `${longLabel(a.start, calendarZone)} in ${calendarZone.replaceAll('_', ' ')}, the calendar's zone`) : null),
        row('Status', a.status === 'cancelled' ? 'Cancelled' : 'Confirmed'),
        row('Calendar', calendar ? el('a', { href: `/console/calendars/${encodeURIComponent(calendar.id)}` }, calendar.name) : 'Deleted calendar'),
        row('Members', a.userIds.length ? a.userIds.map(id => userById.get(id)?.name ?? id).join(', ') : '—'),
        row('Booked by', a.contact.name,
          a.contact.email ? el('div', {}, el('a', { href: `mailto:${a.contact.email}` }, a.contact.email)) : null,
          a.contact.phone ? el('div', {}, a.contact.phone) : null),
        a.notes ? row('Notes', a.notes) : null,
        row('Booked', longLabel(a.createdAt, timeZone)),
        a.updatedAt !== a.createdAt ? row('Last changed', longLabel(a.updatedAt, timeZone)) : null),
      el('h3', {}, 'Outlook'),
      a.sync.length === 0
        ? el('p', { class: 'muted' }, 'No members: nothing is synced to Outlook.')
        : el('ul', { class: 'sync' }, a.sync.map(s => el('li', {},
          el('strong', {}, userById.get(s.userId)?.name ?? s.userId), ': ',
          el('span', { class: `sync-state sync-${s.state}` }, syncDetails[s.state] ?? s.state),
          s.lastError ? el('div', { class: 'field-error' }, s.lastError) : null))),
      a.status === 'confirmed'
        ? el('div', { class: 'row' },
          rescheduleToggle,
          el('button', { type: 'button', class: 'danger', onclick: () => cancel(a) }, 'Cancel appointment'),
          el('button', { type: 'button', class: 'secondary', onclick: close }, 'Close'))
        : el('div', { class: 'row' }, el('button', { type: 'button', class: 'secondary', onclick: close }, 'Close')),
      reschedule);
    details.hidden = false;
    for (const card of week.querySelectorAll('button.appointment')) card.setAttribute('aria-expanded', String(card.dataset.appointment === a.id));
    heading.focus();
  };

  const close = () => {
    const open = week.querySelector('button.appointment[aria-expanded=true]');
    details.hidden = true;
    for (const card of week.querySelectorAll('button.appointment')) card.removeAttribute('aria-expanded');
    open?.focus();
  };

  const refreshed = async (a, message) => {
    const fresh = await call(`${base()}/calendars/${encodeURIComponent(a.calendarId)}/appointments/${encodeURIComponent(a.id)}`);
    await load();
    openDetails(fresh, message);
  };

  const cancel = async (a) => {
    const confirmed = await confirmDialog({
      title: 'Cancel this appointment?',
      message: `${a.contact.name}, ${longLabel(a.start, zoneSelect.value)}. The time becomes free again.`,
      confirm: 'Cancel appointment', keep: 'Keep appointment',
    });
    if (!confirmed) return;
    await guarded(async () => {
      await call(`${base()}/calendars/${encodeURIComponent(a.calendarId)}/appointments/${encodeURIComponent(a.id)}`, { method: 'DELETE' });
      await refreshed(a, 'Cancelled. The time is free again.');
    });
  };

  /** The times the calendar offers for this appointment's members, a week at a time; choosing one moves it there. */
  const offerTimes = async (a, calendar, area, first = null, message = null) => {
    const timeZone = zoneSelect.value;
    const earliest = today(timeZone);
    const start = first ?? [earliest, view.week].sort().at(-1);
    const end = addDays(start, 6);
    // Team calendars: ask for the appointment's own member, who keeps it when it moves.
    const member = a.userIds.length === 1 && calendar?.userIds.includes(a.userIds[0]) ? `&userId=${encodeURIComponent(a.userIds[0])}` : '';
    let free;
    try {
      free = await call(`${base()}/calendars/${encodeURIComponent(a.calendarId)}/free-slots?start=${start}&end=${end}&timeZone=${encodeURIComponent(timeZone)}${member}`);
    } catch (e) {
      fill(area, notice('bad', e.message));
      return;
    }
    const open = free.days.filter(d => d.slots.some(s => new Date(s.start).getTime() !== new Date(a.start).getTime()));
    let chosenDay = open[0]?.date;
    const confirmArea = el('div', { 'aria-live': 'polite' });
    const slots = el('div', { class: 'slots', role: 'group', 'aria-labelledby': 'times-heading' });
    const dayButtons = el('div', { class: 'days', role: 'group', 'aria-label': 'Days with free times' });
    const render = () => {
      fill(dayButtons, ...open.map(d => el('button', { type: 'button', 'data-date': d.date, 'aria-pressed': String(d.date === chosenDay), onclick: () => { chosenDay = d.date; render(); dayButtons.querySelector('[aria-pressed=true]').focus(); } },
        el('strong', {}, dayLabel(d.date)), el('div', { class: 'small muted' }, `${d.slots.length} times`))));
      const day = open.find(d => d.date === chosenDay);
      fill(slots, ...(day?.slots ?? []).map(s => el('button', { type: 'button', 'data-start': s.start, 'aria-pressed': 'false', onclick: (event) => choose(s, event.currentTarget) }, timeLabel(s.start, timeZone))));
      fill(confirmArea);
    };
    const choose = (slot, button) => {
      for (const other of slots.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === button));
      fill(confirmArea, el('div', { class: 'row' },
        el('span', {}, `Move to ${longLabel(slot.start, timeZone)}?`),
        el('button', { type: 'button', onclick: () => move(slot) }, 'Move appointment')));
    };
    const move = (slot) => guarded(async () => {
      try {
        await call(`${base()}/calendars/${encodeURIComponent(a.calendarId)}/appointments/${encodeURIComponent(a.id)}`, { method: 'PATCH', body: { start: slot.start } });
      } catch (e) {
        if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
          return offerTimes(a, calendar, area, start, `That time can no longer be booked (${e.message}) Choose another.`);
        }
        throw e;
      }
      await refreshed(a, `Moved to ${longLabel(slot.start, timeZone)}.`);
    });

    fill(area,
      el('h3', { id: 'offered-heading' }, 'Choose a new time'),
      message ? notice('bad', message) : null,
      el('p', { class: 'muted small' }, `Only times the calendar offers${member ? ' for this member' : ''} are listed, in ${timeZone.replaceAll('_', ' ')}.`),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'secondary', disabled: start <= earliest, onclick: () => offerTimes(a, calendar, area, addDays(start, -7)) }, 'Earlier'),
        el('span', { class: 'grow' }, `${dayLabel(start)} – ${dayLabel(end)}`),
        el('button', { type: 'button', class: 'secondary', onclick: () => offerTimes(a, calendar, area, addDays(start, 7)) }, 'Later')),
      open.length ? dayButtons : el('p', {}, 'No free times in these days.'),
      el('h4', { id: 'times-heading' }, 'Times'),
      slots,
      confirmArea);
    render();
  };

  const guarded = async (action) => {
    try {
      await action();
    } catch (e) {
      fill(status, notice('bad', e instanceof ApiError ? e.message : `Something went wrong: ${e.message}`));
    }
  };

  const change = (update) => guarded(async () => {
    update();
    details.hidden = true;
    await load();
  });

  who.addEventListener('change', () => change(() => {
    view.subject = who.value;
    const zone = subjectOf(view.subject).item?.timeZone;
    if (zone && !view.timeZone) zoneSelect.value = zone;
  }));
  zoneSelect.addEventListener('change', () => change(() => { view.timeZone = zoneSelect.value; }));

  show('Appointments',
    el('h1', {}, 'Appointments'),
    el('div', { class: 'card controls' },
      el('div', { class: 'grid' },
        el('div', { class: 'field' }, el('label', { for: 'show-for' }, 'Calendar or team member'), who),
        el('div', { class: 'field' }, el('label', { for: 'view-time-zone' }, 'Time zone'), zoneSelect))),
    status,
    el('div', { class: 'row week-nav' },
      weekHeading,
      el('button', { type: 'button', class: 'secondary', onclick: () => change(() => { view.week = addDays(view.week, -7); }) }, 'Previous week'),
      el('button', { type: 'button', class: 'secondary', onclick: () => change(() => { view.week = null; }) }, 'This week'),
      el('button', { type: 'button', class: 'secondary', onclick: () => change(() => { view.week = addDays(view.week, 7); }) }, 'Next week')),
    week,
    details);
  await load();
}
