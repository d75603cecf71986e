// Page building blocks of the console: the page frame, notices, field errors, confirmation and copying.
import { el, fill, ApiError } from '/shared/api.js';

const app = document.getElementById('app');

/** Replaces the page (title and content) and moves focus to it, so a screen reader starts reading the new page. */
export function show(title, ...nodes) {
  document.title = `${title} · OrleansCalendar`;
  fill(app, nodes);
  app.focus();
}

export function notice(kind, text) {
  return el('div', { class: `notice ${kind}`, role: kind === 'bad' ? 'alert' : 'status' }, text);
}

/** Runs a button's action; what the API refuses is shown at the top of the page instead of failing silently. */
export async function attempt(action) {
  try {
    await action();
  } catch (error) {
    app.querySelector('.notice.bad[data-action]')?.remove();
    const message = notice('bad', error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`);
    message.dataset.action = '';
    app.prepend(message);
  }
}

const editable = 'input, select, textarea';
const slotId = (field) => `error-${field.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;

/**
 * The error slots of a form, one per API field name ("weeklyHours.monday", "userIds"). An API error lands in the
 * slot of its field, else of the nearest enclosing field ("weeklyHours.monday[0]" → "weeklyHours.monday",
 * "contact.email" → "email"), else in the form's own slot.
 */
export class FieldErrors {
  #slots = new Map();

  #labels = new Map();

  /** The slot element for a field; put its id in the control's aria-describedby. */
  slot(field, label) {
    const slot = el('div', { id: slotId(field), class: 'field-error', role: 'alert' });
    this.#slots.set(field, slot);
    if (label) this.#labels.set(slot, label);
    return slot;
  }

  static idOf(field) { return slotId(field); }

  clear() {
    for (const slot of this.#slots.values()) slot.textContent = '';
    for (const control of document.querySelectorAll('[aria-invalid=true]')) control.removeAttribute('aria-invalid');
  }

  /** Shows an API error at its fields and moves focus to the first field in error; false when it is no API error. */
  show(error, fieldOfCode = {}) {
    if (!(error instanceof ApiError)) return false;
    const fields = Object.keys(error.errors).length ? error.errors : { [fieldOfCode[error.code] ?? 'form']: [error.message] };
    let first = null;
    for (const [field, messages] of Object.entries(fields)) {
      const slot = this.#find(field);
      const exact = this.#slots.get(field) === slot;
      slot.append(slot.textContent ? ' ' : '', (exact ? '' : this.#prefix(field)) + messages.map(m => this.#sentence(slot, m)).join(' '));
      const control = document.querySelector(`[aria-describedby~="${slot.id}"]`);
      if (control) {
        if (control.matches(editable)) control.setAttribute('aria-invalid', 'true');
        first ??= control.matches(editable) ? control : control.querySelector(editable);
      }
    }
    first?.focus();
    return true;
  }

  #find(field) {
    for (let name = field; ;) {
      if (this.#slots.has(name)) return this.#slots.get(name);
      const parent = name.replace(/(\[\d+\]|\.[^.[\]]*)$/, '');
      if (parent === name) break;
      name = parent;
    }
    return this.#slots.get(field.split('.').pop()) ?? this.#slots.get('form');
  }

  /** The API says "is required." of a field: shown under it as "Name is required."; other messages get a capital. */
  #sentence(slot, message) {
    const label = this.#labels.get(slot);
    return label && /^(is|must) /.test(message) ? `${label} ${message}` : message.charAt(0).toUpperCase() + message.slice(1);
  }

  /** "weeklyHours.monday[1]" shown at Monday's slot reads "Hours 2: …". */
  #prefix(field) {
    const index = /\[(\d+)\]$/.exec(field);
    return index ? `Hours ${Number(index[1]) + 1}: ` : '';
  }
}

/** A labelled control with its hint and error slot: the shape of every field of the console's forms. */
export function field(errors, name, label, control, hint) {
  const hintId = hint ? `${control.id}-help` : null;
  control.setAttribute('aria-describedby', [hintId, FieldErrors.idOf(name)].filter(Boolean).join(' '));
  return el('div', { class: 'field' },
    el('label', { for: control.id }, label),
    control,
    hint ? el('div', { id: hintId, class: 'muted small' }, hint) : null,
    errors.slot(name, label));
}

/**
 * Asks before something that cannot be undone, in a modal dialog (focus stays inside; Escape keeps things as they
 * are). Resolves true when confirmed.
 */
export function confirmDialog({ title, message, confirm, keep }) {
  return new Promise(resolve => {
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message' },
      el('h2', { id: 'confirm-title' }, title),
      el('p', { id: 'confirm-message' }, message),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'danger', onclick: () => dialog.close('yes') }, confirm),
        el('button', { type: 'button', class: 'secondary', autofocus: true, onclick: () => dialog.close('no') }, keep)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A button that copies text and says so; without the Clipboard API (plain http) it selects the text and copies that. */
export function copyButton(label, source, description) {
  const status = el('span', { class: 'muted small', role: 'status' });
  const button = el('button', { type: 'button', class: 'secondary', 'aria-label': `${label}: ${description}`, onclick: async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = 'Copied.';
    } catch {
      source.select();
      status.textContent = document.execCommand('copy') ? 'Copied.' : 'Select the text and copy it.';
    }
  } }, label);
  return el('span', { class: 'row' }, button, status);
}

/** A select of every IANA time zone this browser knows, with <paramref name="selected"/> chosen (added if unknown). */
export function timeZoneSelect(id, selected, extra = {}) {
  const zones = Intl.supportedValuesOf('timeZone');
  if (selected && !zones.includes(selected)) zones.unshift(selected);
  return el('select', { id, ...extra }, zones.map(zone => el('option', { value: zone, selected: zone === selected }, zone.replaceAll('_', ' '))));
}
