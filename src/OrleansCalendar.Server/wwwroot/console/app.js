// The web console: sign in with a sub-account key, then Calendars, Appointments, Troubleshooter, Users, Connections and
// Webhooks.
// Everything goes through the public REST API; the key lives in this browser tab's session storage only.
import { api, el, ApiError } from '/shared/api.js';
import { session, subAccount } from './session.js';
import { show, notice } from './ui.js';
import { calendarsPage, calendarPage } from './calendars.js';
import { appointmentsPage } from './appointments.js';
import { troubleshootPage } from './troubleshoot.js';
import { usersPage } from './users.js';
import { connectionsPage, configurationPage } from './connections.js';
import { webhooksPage, deliveriesPage } from './webhooks.js';

const routes = [
  [/^\/console\/?$/, calendarsPage, 'calendars'],
  [/^\/console\/calendars\/?$/, calendarsPage, 'calendars'],
  [/^\/console\/calendars\/new\/?$/, (context) => calendarPage(context, null), 'calendars'],
  [/^\/console\/calendars\/([^/]+)\/?$/, calendarPage, 'calendars'],
  [/^\/console\/appointments\/?$/, appointmentsPage, 'appointments'],
  [/^\/console\/troubleshoot\/?$/, troubleshootPage, 'troubleshoot'],
  [/^\/console\/users\/?$/, usersPage, 'users'],
  [/^\/console\/connections\/?$/, connectionsPage, 'connections'],
  [/^\/console\/users\/([^/]+)\/outlook\/?$/, configurationPage, 'connections'],
  [/^\/console\/webhooks\/?$/, webhooksPage, 'webhooks'],
  [/^\/console\/webhooks\/([^/]+)\/?$/, deliveriesPage, 'webhooks'],
];

/** Goes to a console address without reloading the page (links, and pages that move on after saving). */
export function navigate(url, { replace = false } = {}) {
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  return route();
}

async function route() {
  const nav = document.getElementById('nav');
  const signOut = document.getElementById('sign-out');
  signOut.onclick = () => { session.signOut(); navigate('/console'); };
  if (!session.key) {
    signOut.hidden = true;
    nav.hidden = true;
    document.getElementById('account').textContent = '';
    return signIn();
  }

  signOut.hidden = false;
  nav.hidden = false;
  subAccount().then(account => { document.getElementById('account').textContent = account.name; }, () => {});
  const found = routes.map(([pattern, page, section]) => ({ match: pattern.exec(location.pathname), page, section })).find(r => r.match);
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.section === found?.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  try {
    if (!found) return show('Not found', el('h1', {}, 'Page not found'), el('p', {}, el('a', { href: '/console' }, 'Go to calendars')));
    const context = { params: new URLSearchParams(location.search), navigate, route };
    return await found.page(context, ...found.match.slice(1).map(decodeURIComponent));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      session.signOut();
      return signIn('That key is no longer accepted. Sign in again.');
    }
    show('Error', el('h1', {}, 'Something went wrong'), notice('bad', error.message));
  }
}

function signIn(message) {
  const input = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'key-help key-error' });
  const error = el('div', { id: 'key-error', class: 'field-error', role: 'alert' }, message ?? '');
  const form = el('form', { class: 'card', onsubmit: async (event) => {
    event.preventDefault();
    const candidate = input.value.trim();
    const sid = session.subAccountOf(candidate);
    if (!sid) { error.textContent = 'A sub-account key starts with sk- and was shown once when the sub-account was created.'; return; }
    try {
      await api(`/v1/subaccounts/${sid}`, { key: candidate });
      session.signIn(candidate);
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
  show('Sign in', el('h1', {}, 'Sign in'), form);
}

// Links inside the console change the page without a reload; the rest (booking pages, Outlook) load normally.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/console')) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', route);
route();
