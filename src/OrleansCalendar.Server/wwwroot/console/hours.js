// The weekly-hours editor of a calendar: several ranges per weekday, as the API's weeklyHours takes them.
import { el, fill } from '/shared/api.js';
import { FieldErrors } from './ui.js';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const title = (day) => day[0].toUpperCase() + day.slice(1);

// A time input cannot show 24:00: the end of the day is shown as 00:00 (midnight), which can be no other end.
const toInput = (time) => (time === '24:00' ? '00:00' : time);
const fromInput = (time, isEnd) => (isEnd && time === '00:00' ? '24:00' : time);

/** The editor and a function that reads its week back as the API's weeklyHours. */
export function hoursEditor(weeklyHours, errors) {
  const week = Object.fromEntries(weekdays.map(day => [day, (weeklyHours[day] ?? []).map(r => ({ ...r }))]));
  const editor = el('fieldset', { class: 'hours' },
    el('legend', {}, 'Weekly hours'),
    el('p', { id: 'hours-help', class: 'muted small' }, 'When the calendar can be booked, in its time zone. A day may have several ranges; an end of 12:00 AM means midnight.'),
    weekdays.map(day => dayEditor(day, week[day], errors)));
  return { editor, value: () => week };
}

function dayEditor(day, ranges, errors) {
  const labelId = `hours-${day}-label`;
  const list = el('div', { class: 'ranges' });
  const add = el('button', { type: 'button', class: 'secondary', 'aria-label': `Add hours on ${title(day)}`, onclick: () => {
    const last = ranges.at(-1);
    ranges.push(last ? following(last) : { start: '09:00', end: '17:00' });
    render();
    list.querySelectorAll('input')[2 * (ranges.length - 1)].focus();
  } }, 'Add hours');

  const render = () => {
    fill(list, ...(ranges.length === 0
      ? [el('span', { class: 'muted' }, 'Unavailable')]
      : ranges.map((range, index) => rangeEditor(day, ranges, index, () => { render(); (list.querySelector('input') ?? add).focus(); }))));
  };
  render();
  return el('div', { class: 'hours-day', role: 'group', 'aria-labelledby': labelId, 'aria-describedby': `hours-help ${FieldErrors.idOf(`weeklyHours.${day}`)}`, 'data-day': day },
    el('span', { id: labelId, class: 'day-name' }, title(day)),
    el('div', {}, list, add, errors.slot(`weeklyHours.${day}`, title(day))));
}

function rangeEditor(day, ranges, index, removed) {
  const range = ranges[index];
  const name = ranges.length > 1 ? `${title(day)}, hours ${index + 1}` : title(day);
  const input = (part) => el('input', {
    type: 'time', id: `hours-${day}-${index}-${part}`, value: toInput(range[part]), required: true, 'aria-label': `${name}, ${part === 'start' ? 'from' : 'to'}`,
    onchange: (event) => { range[part] = fromInput(event.target.value, part === 'end'); },
  });
  return el('div', { class: 'range' },
    input('start'), el('span', { 'aria-hidden': 'true' }, '–'), input('end'),
    el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${name}`, onclick: () => { ranges.splice(index, 1); removed(); } }, 'Remove'));
}

/** A new range an hour after the last one ends, an hour long (or the rest of the day). */
function following(last) {
  const minutes = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const text = (total) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  const start = Math.min(minutes(last.end) + 60, 23 * 60);
  return { start: text(start), end: text(Math.min(start + 60, 24 * 60)) };
}
