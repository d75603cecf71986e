// The signed-in sub-account: its key (this browser tab's session storage only) and calls to the REST API with it.
import { api } from '/shared/api.js';

const keyName = 'orleans-calendar.key';

export const session = {
  key: sessionStorage.getItem(keyName),

  /** The sub-account id a key belongs to: keys look like sk-{sid}.{secret}. */
  subAccountOf: (apiKey) => /^sk-([^.]+)\./.exec(apiKey ?? '')?.[1],

  signIn(key) {
    this.key = key;
    sessionStorage.setItem(keyName, key);
  },

  signOut() {
    this.key = null;
    sessionStorage.removeItem(keyName);
  },
};

export const call = (path, options = {}) => api(path, { ...options, key: session.key });

/** /v1/subaccounts/{sid} of the signed-in key. */
export const base = () => `/v1/subaccounts/${session.subAccountOf(session.key)}`;

/** Every item of a paged list, following nextCursor. */
export async function listAll(path) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(`${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const subAccount = () => call(base());
export const users = () => listAll(`${base()}/users`);
export const calendars = () => listAll(`${base()}/calendars`);
