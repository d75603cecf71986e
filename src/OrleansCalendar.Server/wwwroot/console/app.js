// Settings → Connections: sign in with a sub-account key, connect Outlook per user, configure its calendars.
// Everything goes through the public REST API; the key lives in this browser tab's session storage only.
import { api, el, formatDateTime, ApiError } from '/shared/api.js';

const app = document.getElementById('app');
const keyName = 'orleans-calendar.key';
let key = sessionStorage.getItem(keyName);

const subAccountOf = (apiKey) => /^sk-([^.]+)\./.exec(apiKey ?? '')?.[1];
const call = (path, options = {}) => api(path, { ...options, key });
const base = () => `/v1/subaccounts/${subAccountOf(key)}`;
const connectionPath = (uid) => `${base()}/users/${uid}/connections/outlook`;

function show(...nodes) {
  app.replaceChildren(...nodes.filter(node => node !== null && node !== undefined));
  app.focus();
}

function notice(kind, text) {
  return el('div', { class: `notice ${kind}`, role: kind === 'bad' ? 'alert' : 'status' }, text);
}

async function route() {
  const signOut = document.getElementById('sign-out');
  signOut.onclick = () => { sessionStorage.removeItem(keyName); key = null; history.pushState(null, '', '/console'); route(); };
  if (!key) {
    signOut.hidden = true;
    document.getElementById('account').textContent = '';
    return signIn();
  }

  signOut.hidden = false;
  const params = new URLSearchParams(location.search);
  call(base()).then(account => { document.getElementById('account').textContent = account.name; }, () => {});
  const match = /^\/console\/users\/([^/]+)\/outlook\/?$/.exec(location.pathname);
  try {
    if (match) return await configuration(decodeURIComponent(match[1]), params.get('status'));
    return await connections(params.get('status'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(keyName);
      key = null;
      return signIn('That key is no longer accepted. Sign in again.');
    }
    show(notice('bad', `Something went wrong: ${error.message}`));
  }
}

function signIn(message) {
  const input = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'key-help key-error' });
  const error = el('div', { id: 'key-error', class: 'field-error', role: 'alert' }, message ?? '');
  const form = el('form', { class: 'card', onsubmit: async (event) => {
    event.preventDefault();
    const candidate = input.value.trim();
    const sid = subAccountOf(candidate);
    if (!sid) { error.textContent = 'A sub-account key starts with sk- and was shown once when the sub-account was created.'; return; }
    try {
      await api(`/v1/subaccounts/${sid}`, { key: candidate });
      key = candidate;
      sessionStorage.setItem(keyName, key);
      route();
    } catch (e) {
      error.textContent = e instanceof ApiError && (e.status === 401 || e.status === 404) ? 'This key is not valid.' : e.message;
    }
  } },
    el('div', { class: 'field' },
      el('label', { for: 'api-key' }, 'Sub-account API key'),
      input,
      el('div', { id: 'key-help', class: 'muted small' }, 'Kept in this browser tab only, until you sign out or close it.'),
      error),
    el('button', { type: 'submit' }, 'Sign in'));
  show(el('h1', {}, 'Sign in'), form);
}

async function connections(status) {
  const users = await call(`${base()}/users?limit=500`);
  const rows = await Promise.all(users.items.map(async (user) => {
    try { return { user, connection: await call(connectionPath(user.id)) }; }
    catch (e) { if (e instanceof ApiError && e.status === 404) return { user, connection: null }; throw e; }
  }));

  const body = el('tbody');
  for (const row of rows) body.append(connectionRow(row));
  show(
    el('h1', {}, 'Connections'),
    status === 'denied' ? notice('bad', 'Outlook was not connected: the permission was not granted.') : null,
    el('p', { class: 'muted' }, 'Connect each team member\'s Outlook calendar so new appointments land in it and busy Outlook time blocks their availability.'),
    el('div', { class: 'card' },
      el('table', {},
        el('thead', {}, el('tr', {}, ['Team member', 'Outlook', 'Account', 'Access', 'Last sync', 'Last error', ''].map(h => el('th', { scope: 'col' }, h)))),
        body)));
}

function connectionRow({ user, connection }) {
  const state = connection?.status ?? 'none';
  const label = { connected: 'Connected', needsReconnect: 'Needs reconnect', none: 'Not connected' }[state] ?? state;
  const actions = el('td', { class: 'actions' });
  if (!connection) {
    actions.append(addNew(user));
  } else {
    // Reconnect is for a connection whose Microsoft sign-in no longer works; the configuration is kept.
    actions.append(el('div', { class: 'row' },
      state === 'connected' ? el('a', { class: 'button', href: `/console/users/${encodeURIComponent(user.id)}/outlook` }, 'Calendar configuration') : null,
      state !== 'connected' ? el('button', { type: 'button', onclick: () => attempt(() => connect(user.id, connection.access)) }, 'Reconnect') : null,
      el('button', { type: 'button', class: 'danger', onclick: () => attempt(() => disconnect(user, connection)) }, 'Disconnect')));
  }

  return el('tr', { 'data-user': user.id },
    el('td', {}, el('strong', {}, user.name), el('div', { class: 'muted small' }, user.email)),
    el('td', {}, el('span', { class: `badge ${state === 'disconnected' ? 'none' : state}` }, label)),
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
      menu.replaceChildren(
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

/** Runs a button's action; what the API refuses is shown at the top of the page instead of failing silently. */
async function attempt(action) {
  try {
    await action();
  } catch (error) {
    app.querySelector('.notice.bad[data-action]')?.remove();
    const message = notice('bad', error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`);
    message.dataset.action = '';
    app.prepend(message);
  }
}

async function connect(uid, access) {
  const returnUrl = `${location.origin}/console/users/${encodeURIComponent(uid)}/outlook`;
  const start = await call(connectionPath(uid), { method: 'POST', body: { access, returnUrl } });
  location.assign(start.authorizationUrl);
}

async function disconnect(user, connection) {
  if (!confirm(`Disconnect ${connection.account?.email ?? 'Outlook'} from ${user.name}? Syncing stops; events already in Outlook stay.`)) return;
  await call(connectionPath(user.id), { method: 'DELETE' });
  route();
}

async function configuration(uid, status) {
  const [user, connection] = await Promise.all([call(`${base()}/users/${uid}`), call(connectionPath(uid))]);
  const { items: calendars } = await call(`${connectionPath(uid)}/calendars`);
  const prefs = connection.syncPreferences;
  const readOnlyAccess = connection.access !== 'readWrite';

  const errors = new Map();
  const errorSlot = (field) => { const slot = el('div', { id: `error-${field}`, class: 'field-error', role: 'alert' }); errors.set(field, slot); return slot; };

  const linked = el('select', { id: 'linked', 'aria-describedby': 'linked-help error-linkedCalendarId' },
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
  const form = el('form', { class: 'card', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    for (const slot of errors.values()) slot.textContent = '';
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
      saved.replaceChildren(notice('ok', 'Saved. Outlook calendars are syncing.'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      saved.replaceChildren();
      const fieldOf = { 'linked-calendar-read-only': 'linkedCalendarId', 'unknown-calendar': 'conflictCalendarIds' };
      const fields = Object.keys(e.errors).length ? e.errors : { [fieldOf[e.code] ?? 'form']: [e.message] };
      for (const [field, messages] of Object.entries(fields)) {
        const slot = errors.get(field) ?? errors.get(field.split('.').pop()) ?? errors.get('form');
        slot.textContent = messages.join(' ');
      }
    }
  } },
    el('div', { class: 'field' },
      el('label', { for: 'linked' }, 'Linked calendar'),
      linked,
      el('div', { id: 'linked-help', class: 'muted small' }, 'New appointments are added to this Outlook calendar; reschedules and cancellations follow.'),
      errorSlot('linkedCalendarId')),
    el('fieldset', { 'aria-describedby': 'error-conflictCalendarIds' },
      el('legend', {}, 'Conflict calendars'),
      el('p', { class: 'muted small' }, 'Busy time on these calendars blocks availability, which prevents double booking.'),
      conflictBoxes,
      errorSlot('conflictCalendarIds')),
    el('details', {},
      el('summary', {}, 'Advanced settings'),
      el('h2', {}, 'Sync preferences'),
      el('fieldset', { 'aria-describedby': 'error-blockingShowAs' },
        el('legend', {}, 'Outlook events that block availability'),
        showAs.map(s => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'showAs', value: s, checked: prefs.blockingShowAs.includes(s) }), showAsLabels[s])),
        errorSlot('blockingShowAs')),
      el('fieldset', {},
        el('legend', {}, 'Direction'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'direction', value: 'oneWay', checked: prefs.direction !== 'twoWay' }), 'One way: appointments go to Outlook'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'direction', value: 'twoWay', checked: prefs.direction === 'twoWay' }), 'Two way: moving or deleting the event in Outlook changes the appointment'),
        errorSlot('direction')),
      el('label', { class: 'check' }, el('input', { id: 'import-details', type: 'checkbox', checked: prefs.importEventDetails }), 'Import event titles of busy Outlook events'),
      el('div', { class: 'field' },
        el('label', { for: 'on-cancel' }, 'When an appointment is cancelled'),
        el('select', { id: 'on-cancel', 'aria-describedby': 'error-onCancel' },
          el('option', { value: 'delete', selected: prefs.onCancel === 'delete' }, 'Delete the Outlook event'),
          el('option', { value: 'markCancelled', selected: prefs.onCancel === 'markCancelled' }, 'Keep it, marked as cancelled')),
        errorSlot('onCancel'))),
    errorSlot('form'),
    el('div', { class: 'row' },
      el('button', { type: 'submit' }, 'Save'),
      el('a', { href: '/console' }, 'Back to connections')));
  const saved = el('div', { 'aria-live': 'polite' });

  show(
    el('h1', {}, `Calendar configuration · ${user.name}`),
    status === 'connected' ? notice('ok', `Outlook is connected (${connection.account.email}). Choose its calendars below.`) : null,
    status === 'denied' ? notice('bad', 'Outlook was not connected: the permission was not granted.') : null,
    readOnlyAccess ? notice('info', 'This connection has read-only access: Outlook blocks time but cannot receive appointments. Reconnect with read and write access to link a calendar.') : null,
    saved,
    form);
}

window.addEventListener('popstate', route);
route();
