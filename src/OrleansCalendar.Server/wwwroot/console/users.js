// Users: the team members who can be booked; add them, and reach each one's Outlook connection.
import { el } from '/shared/api.js';
import { call, base, users as listUsers, subAccount } from './session.js';
import { show, notice, timeZoneSelect, field, FieldErrors } from './ui.js';
import { connectionOf, connectionBadge } from './connections.js';

export async function usersPage({ params, navigate }) {
  const [users, account] = await Promise.all([listUsers(), subAccount()]);
  const connections = await Promise.all(users.map(u => connectionOf(u.id)));
  const errors = new FieldErrors();
  const name = el('input', { id: 'user-name', type: 'text', autocomplete: 'off', required: true, maxlength: '200' });
  const email = el('input', { id: 'user-email', type: 'email', autocomplete: 'off', required: true });
  const zone = timeZoneSelect('user-time-zone', account.timeZone);

  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'add-heading', onsubmit: async (event) => {
    event.preventDefault();
    errors.clear();
    try {
      const user = await call(`${base()}/users`, { method: 'POST', body: { name: name.value.trim(), email: email.value.trim(), timeZone: zone.value } });
      await navigate(`/console/users?added=${encodeURIComponent(user.id)}`, { replace: true });
    } catch (e) {
      if (!errors.show(e, { 'email-in-use': 'email' })) throw e;
    }
  } },
    el('h2', { id: 'add-heading' }, 'Add a team member'),
    el('div', { class: 'grid' },
      field(errors, 'name', 'Name', name),
      field(errors, 'email', 'Email', email, 'Unique within this account.'),
      field(errors, 'timeZone', 'Time zone', zone)),
    errors.slot('form'),
    el('button', { type: 'submit' }, 'Add member'));

  const added = users.find(u => u.id === params.get('added'));
  show('Users',
    el('h1', {}, 'Users'),
    added ? notice('ok', `Added ${added.name}. Connect their Outlook so bookings land in it.`) : null,
    el('div', { class: 'card' },
      users.length === 0
        ? el('p', {}, 'No team members yet.')
        : el('table', {},
          el('thead', {}, el('tr', {}, ['Team member', 'Time zone', 'Outlook', ''].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, users.map((u, i) => el('tr', { 'data-user': u.id },
            el('td', {}, el('strong', {}, u.name), el('div', { class: 'muted small' }, u.email)),
            el('td', {}, u.timeZone.replaceAll('_', ' ')),
            el('td', {}, connectionBadge(connections[i]), ' ',
              el('a', { href: `/console/connections#user-${encodeURIComponent(u.id)}`, 'aria-label': `Outlook connection of ${u.name}` }, 'Outlook connection')),
            el('td', { class: 'actions' }, el('a', { class: 'button secondary', href: `/console/appointments?user=${encodeURIComponent(u.id)}`, 'aria-label': `Appointments of ${u.name}` }, 'Appointments'))))))),
    form);
}
