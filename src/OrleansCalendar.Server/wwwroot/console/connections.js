// Settings → Connections: each team member's Outlook, connect it, configure its calendars.
import { el, fill, formatDateTime, ApiError } from '/shared/api.js';
import { call, base, users } from './session.js';
import { show, notice, attempt, confirmDialog, FieldErrors } from './ui.js';

const connectionPath = (uid) => `${base()}/users/${uid}/connections/outlook`;

/** A user's Outlook connection, or null when the user has none. */
export async function connectionOf(uid) {
  try {
    return await call(connectionPath(uid));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The badge of a connection's status. */
export function connectionBadge(connection) {
  const state = connection?.status ?? 'none';
  const label = { connected: 'Connected', needsReconnect: 'Needs reconnect', none: 'Not connected', disconnected: 'Not connected' }[state] ?? state;
  return el('span', { class: `badge ${state === 'disconnected' ? 'none' : state}` }, label);
}

export async function connectionsPage({ params, route }) {
  const rows = await Promise.all((await users()).map(async (user) => ({ user, connection: await connectionOf(user.id) })));
  show('Connections',
    el('h1', {}, 'Connections'),
    params.get('status') === 'denied' ? notice('bad', 'Outlook was not connected: the permission was not granted.') : null,
    el('p', { class: 'muted' }, 'Connect each team member\'s Outlook calendar so new appointments land in it and busy Outlook time blocks their availability.'),
    el('div', { class: 'card' },
      el('table', {},
        el('thead', {}, el('tr', {}, ['Team member', 'Outlook', 'Account', 'Access', 'Last sync', 'Last error', ''].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.map(row => connectionRow(row, route))))));

  // The Users page links to a member's row here: bring it into view and put focus on it.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }
}

function connectionRow({ user, connection }, route) {
  const state = connection?.status ?? 'none';
  const actions = el('td', { class: 'actions' });
  if (!connection) {
    actions.append(addNew(user));
  } else {
    // Reconnect is for a connection whose Microsoft sign-in no longer works; the configuration is kept.
    actions.append(el('div', { class: 'row' },
      state === 'connected' ? el('a', { class: 'button', href: `/console/users/${encodeURIComponent(user.id)}/outlook` }, 'Calendar configuration') : null,
      state !== 'connected' ? el('button', { type: 'button', onclick: () => attempt(() => connect(user.id, connection.access)) }, 'Reconnect') : null,
      el('button', { type: 'button', class: 'danger', onclick: () => attempt(() => disconnect(user, connection, route)) }, 'Disconnect')));
  }

  return el('tr', { id: `user-${user.id}`, 'data-user': user.id, tabindex: '-1', 'aria-label': user.name },
    el('td', {}, el('strong', {}, user.name), el('div', { class: 'muted small' }, user.email)),
    el('td', {}, connectionBadge(connection)),
    el('td', {}, connection?.account?.email ?? '—'),
    el('td', {}, connection ? (connection.access === 'readWrite' ? 'Read and write' : 'Read only') : '—'),
    el('td', {}, connection?.lastSyncAt ? formatDateTime(connection.lastSyncAt) : '—'),
    el('td', {}, connection?.lastError ?? '—'),
    actions);
}

/** "Add new" → provider → access → Connect, as the settings page of a booking tool lays it out. */
function addNew(user) {
  const menuId = `add-${user.id}`;
  const menu = el('div', { id: menuId, class: 'menu', hidden: true });
  const toggle = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': menuId, onclick: () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    menu.hidden = !open;
    if (open) menu.querySelector('button')?.focus();
  } }, 'Add new');

  const providers = el('div', { role: 'group', 'aria-label': 'Calendar providers' },
    el('button', { type: 'button', class: 'secondary', onclick: () => {
      const name = `access-${user.id}`;
      fill(menu,
        el('fieldset', {},
          el('legend', {}, 'Outlook access'),
          el('label', { class: 'check' }, el('input', { type: 'radio', name, value: 'readWrite', checked: true }), 'Read and write (new appointments are added to Outlook)'),
          el('label', { class: 'check' }, el('input', { type: 'radio', name, value: 'read' }), 'Read only (Outlook only blocks time)')),
        el('button', { type: 'button', onclick: () => attempt(() => connect(user.id, menu.querySelector(`input[name="${name}"]:checked`).value)) }, 'Connect'));
      menu.querySelector('input').focus();
    } }, 'Outlook'));
  menu.append(providers);
  return el('div', {}, toggle, menu);
}

async function connect(uid, access) {
  const returnUrl = `${location.origin}/console/users/${encodeURIComponent(uid)}/outlook`;
  const start = await call(connectionPath(uid), { method: 'POST', body: { access, returnUrl } });
  location.assign(start.authorizationUrl);
}

async function disconnect(user, connection, route) {
  const confirmed = await confirmDialog({
    title: 'Disconnect Outlook?',
    message: `Disconnect ${connection.account?.email ?? 'Outlook'} from ${user.name}? Syncing stops; events already in Outlook stay.`,
    confirm: 'Disconnect', keep: 'Keep connected',
  });
  if (!confirmed) return;
  await call(connectionPath(user.id), { method: 'DELETE' });
  route();
}

export async function configurationPage({ params }, uid) {
  const [user, connection] = await Promise.all([call(`${base()}/users/${uid}`), call(connectionPath(uid))]);
  const { items: calendars } = await call(`${connectionPath(uid)}/calendars`);
  const prefs = connection.syncPreferences;
  const readOnlyAccess = connection.access !== 'readWrite';
  const errors = new FieldErrors();

  const linked = el('select', { id: 'linked', 'aria-describedby': `linked-help ${FieldErrors.idOf('linkedCalendarId')}` },
    el('option', { value: '' }, 'None (do not add appointments to Outlook)'),
    calendars.map(c => {
      const reason = readOnlyAccess ? 'read-only access' : !c.canEdit ? 'read-only calendar' : null;
      return el('option', { value: c.id, disabled: !!reason, selected: c.id === connection.linkedCalendarId },
        reason ? `${c.name} (${reason}: cannot receive appointments)` : c.name);
    }));

  const conflictBoxes = calendars.map(c => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name: 'conflict', value: c.id, checked: connection.conflictCalendarIds.includes(c.id) || (c.id === connection.linkedCalendarId && prefs.linkedCalendarIsConflict) }),
    c.name + (c.isDefault ? ' (default)' : '')));
  linked.addEventListener('change', () => {
    // The linked calendar is a conflict calendar by default: check it when it is chosen.
    const box = conflictBoxes.map(b => b.querySelector('input')).find(i => i.value === linked.value);
    if (box) box.checked = true;
  });

  const showAs = ['busy', 'tentative', 'oof', 'workingElsewhere', 'free'];
  const showAsLabels = { busy: 'Busy', tentative: 'Tentative', oof: 'Out of office', workingElsewhere: 'Working elsewhere', free: 'Free' };
  const saved = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'card', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    errors.clear();
    const checked = [...form.querySelectorAll('input[name=conflict]:checked')].map(i => i.value);
    const body = {
      linkedCalendarId: linked.value || null,
      conflictCalendarIds: checked,
      syncPreferences: {
        linkedCalendarIsConflict: !!linked.value && checked.includes(linked.value),
        blockingShowAs: [...form.querySelectorAll('input[name=showAs]:checked')].map(i => i.value),
        direction: form.querySelector('input[name=direction]:checked').value,
        importEventDetails: form.querySelector('#import-details').checked,
        onCancel: form.querySelector('#on-cancel').value,
      },
    };
    try {
      await call(`${connectionPath(uid)}/configuration`, { method: 'PUT', body });
      fill(saved, notice('ok', 'Saved. Outlook calendars are syncing.'));
    } catch (e) {
      fill(saved);
      if (!errors.show(e, { 'linked-calendar-read-only': 'linkedCalendarId', 'unknown-calendar': 'conflictCalendarIds' })) throw e;
    }
  } },
    el('div', { class: 'field' },
      el('label', { for: 'linked' }, 'Linked calendar'),
      linked,
      el('div', { id: 'linked-help', class: 'muted small' }, 'New appointments are added to this Outlook calendar; reschedules and cancellations follow.'),
      errors.slot('linkedCalendarId')),
    el('fieldset', { 'aria-describedby': FieldErrors.idOf('conflictCalendarIds') },
      el('legend', {}, 'Conflict calendars'),
      el('p', { class: 'muted small' }, 'Busy time on these calendars blocks availability, which prevents double booking.'),
      conflictBoxes,
      errors.slot('conflictCalendarIds')),
    el('details', {},
      el('summary', {}, 'Advanced settings'),
      el('h2', {}, 'Sync preferences'),
      el('fieldset', { 'aria-describedby': FieldErrors.idOf('blockingShowAs') },
        el('legend', {}, 'Outlook events that block availability'),
        showAs.map(s => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'showAs', value: s, checked: prefs.blockingShowAs.includes(s) }), showAsLabels[s])),
        errors.slot('blockingShowAs')),
      el('fieldset', { 'aria-describedby': FieldErrors.idOf('direction') },
        el('legend', {}, 'Direction'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'direction', value: 'oneWay', checked: prefs.direction !== 'twoWay' }), 'One way: appointments go to Outlook'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'direction', value: 'twoWay', checked: prefs.direction === 'twoWay' }), 'Two way: moving or deleting the event in Outlook changes the appointment'),
        errors.slot('direction')),
      el('label', { class: 'check' }, el('input', { id: 'import-details', type: 'checkbox', checked: prefs.importEventDetails }), 'Import event titles of busy Outlook events'),
      el('div', { class: 'field' },
        el('label', { for: 'on-cancel' }, 'When an appointment is cancelled'),
        el('select', { id: 'on-cancel', 'aria-describedby': FieldErrors.idOf('onCancel') },
          el('option', { value: 'delete', selected: prefs.onCancel === 'delete' }, 'Delete the Outlook event'),
          el('option', { value: 'markCancelled', selected: prefs.onCancel === 'markCancelled' }, 'Keep it, marked as cancelled')),
        errors.slot('onCancel'))),
    errors.slot('form'),
    el('div', { class: 'row' },
      el('button', { type: 'submit' }, 'Save'),
      el('a', { href: '/console/connections' }, 'Back to connections')));

  const status = params.get('status');
  show(`Calendar configuration · ${user.name}`,
    el('h1', {}, `Calendar configuration · ${user.name}`),
    status === 'connected' ? notice('ok', `Outlook is connected (${connection.account.email}). Choose its calendars below.`) : null,
    status === 'denied' ? notice('bad', 'Outlook was not connected: the permission was not granted.') : null,
    readOnlyAccess ? notice('info', 'This connection has read-only access: Outlook blocks time but cannot receive appointments. Reconnect with read and write access to link a calendar.') : null,
    saved,
    form);
}
