// Public booking page: /book/{calendarId}. Days and free slots in the visitor's own time zone; book with name and email.
import { api, el, randomKey, ApiError } from '/shared/api.js';

const app = document.getElementById('app');
const calendarId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const days = 14;
const status = el('div', { id: 'status', 'aria-live': 'polite' });
let calendar;
let chosenDay;
let chosenSlot;

const dayLabel = (date) => new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const timeLabel = (iso) => new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
const longLabel = (iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));

function localDate(offsetDays) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.now() + offsetDays * 86400000));
  const get = (type) => parts.find(p => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function say(kind, text) {
  status.replaceChildren(el('div', { class: `notice ${kind}`, role: kind === 'bad' ? 'alert' : 'status' }, text));
}

async function load() {
  try {
    calendar = await api(`/v1/public/calendars/${encodeURIComponent(calendarId)}`);
  } catch (e) {
    app.replaceChildren(el('h1', {}, 'Booking page not found'), el('p', { class: 'muted' }, 'This calendar does not take bookings here.'));
    return;
  }

  document.title = `Book · ${calendar.name}`;
  await showDays();
}

async function showDays() {
  const free = await api(`/v1/public/calendars/${encodeURIComponent(calendarId)}/free-slots?start=${localDate(0)}&end=${localDate(days - 1)}&timeZone=${encodeURIComponent(timeZone)}`);
  const open = free.days.filter(d => d.slots.length > 0);
  if (!open.some(d => d.date === chosenDay)) chosenDay = open[0]?.date;
  chosenSlot = undefined;

  const dayButtons = el('div', { class: 'days', role: 'group', 'aria-label': 'Days with free times' },
    open.map(d => el('button', { type: 'button', 'data-date': d.date, 'aria-pressed': String(d.date === chosenDay), onclick: () => { chosenDay = d.date; render(); } },
      el('strong', {}, dayLabel(d.date)), el('div', { class: 'small muted' }, `${d.slots.length} times`))));

  const render = () => {
    for (const button of dayButtons.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.textContent.startsWith(dayLabel(chosenDay))));
    const day = open.find(d => d.date === chosenDay);
    slotsArea.replaceChildren(
      el('h2', { id: 'times-heading' }, day ? `Times on ${dayLabel(day.date)}` : 'No free times'),
      el('div', { class: 'slots', role: 'group', 'aria-labelledby': 'times-heading' },
        (day?.slots ?? []).map(s => el('button', { type: 'button', 'data-start': s.start, 'aria-pressed': 'false', onclick: (event) => choose(s, event.currentTarget) }, timeLabel(s.start)))));
    formArea.replaceChildren();
  };

  const slotsArea = el('section', {});
  const formArea = el('section', {});
  app.replaceChildren(
    el('h1', {}, calendar.name),
    el('p', { class: 'muted' }, `${calendar.slotDurationMinutes} minutes · times shown in ${timeZone}`),
    status,
    open.length ? dayButtons : el('p', {}, `No free times in the next ${days} days.`),
    slotsArea,
    formArea);
  render();

  function choose(slot, button) {
    chosenSlot = slot;
    for (const other of slotsArea.querySelectorAll('.slots button')) other.setAttribute('aria-pressed', String(other === button));
    const name = el('input', { id: 'name', type: 'text', autocomplete: 'name', required: true, 'aria-describedby': 'error-name' });
    const email = el('input', { id: 'email', type: 'email', autocomplete: 'email', required: true, 'aria-describedby': 'error-email' });
    const errorName = el('div', { id: 'error-name', class: 'field-error' });
    const errorEmail = el('div', { id: 'error-email', class: 'field-error' });
    formArea.replaceChildren(el('form', { class: 'card', onsubmit: async (event) => {
      event.preventDefault();
      errorName.textContent = name.value.trim() ? '' : 'Please enter your name.';
      errorEmail.textContent = email.validity.valid && email.value ? '' : 'Please enter a valid email address.';
      if (errorName.textContent || errorEmail.textContent) return;
      try {
        const booked = await bookOnce(chosenSlot.start, name.value.trim(), email.value.trim());
        app.replaceChildren(
          el('h1', {}, 'You are booked'),
          el('div', { class: 'notice ok', role: 'status' }, `${calendar.name}, ${longLabel(booked.start)}. A confirmation is on its way to ${email.value.trim()}.`));
        app.focus();
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          await showDays();
          say('bad', 'Sorry, that time was just taken by someone else. Please pick another time.');
        } else if (e instanceof ApiError && e.status === 400) {
          errorName.textContent = (e.errors['contact.name'] ?? []).join(' ');
          errorEmail.textContent = (e.errors['contact.email'] ?? []).join(' ');
          if (!errorName.textContent && !errorEmail.textContent) say('bad', e.message);
        } else {
          say('bad', e instanceof ApiError ? e.message : 'The booking could not be sent. Check your connection and try again.');
        }
      }
    } },
      el('h2', {}, `Book ${longLabel(slot.start)}`),
      el('div', { class: 'field' }, el('label', { for: 'name' }, 'Your name'), name, errorName),
      el('div', { class: 'field' }, el('label', { for: 'email' }, 'Email'), email, errorEmail),
      el('button', { type: 'submit' }, 'Confirm booking')));
    name.focus();
  }
}

// One key per booking attempt: if the answer is lost on the way (a dropped connection), the same request is sent
// again and the server answers with the booking the first one made instead of booking twice.
async function bookOnce(start, name, email) {
  const key = randomKey();
  const send = () => api(`/v1/public/calendars/${encodeURIComponent(calendarId)}/appointments`, {
    method: 'POST', headers: { 'Idempotency-Key': key }, body: { start, contact: { name, email } },
  });
  try {
    return await send();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    await new Promise(resolve => setTimeout(resolve, 1000));
    return await send();
  }
}

load();
