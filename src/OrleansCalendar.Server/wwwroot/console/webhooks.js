// Webhooks: the endpoints that receive the sub-account's events; add one (its signing secret shown once), send a
// test, switch it off and on, and read its delivery log with a retry for what did not arrive.
import { el, fill, formatDateTime } from '/shared/api.js';
import { call, base, listAll } from './session.js';
import { show, notice, attempt, confirmDialog, copyButton, field, FieldErrors } from './ui.js';

const eventTypes = {
  'appointment.created': 'Appointment booked',
  'appointment.rescheduled': 'Appointment rescheduled',
  'appointment.cancelled': 'Appointment cancelled',
  'connection.connected': 'Outlook connected',
  'connection.needsReconnect': 'Outlook needs reconnecting',
  'connection.disconnected': 'Outlook disconnected',
  ping: 'Test ping',
};
const deliveryLabels = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' };
const endpointPath = (eid) => `${base()}/webhook-endpoints/${encodeURIComponent(eid)}`;

const statusBadge = (endpoint) => el('span', { class: `badge ${endpoint.status === 'enabled' ? 'connected' : 'none'}` }, endpoint.status === 'enabled' ? 'Enabled' : 'Disabled');

export async function webhooksPage({ route, navigate }) {
  const endpoints = await listAll(`${base()}/webhook-endpoints`);
  const errors = new FieldErrors();
  const created = el('div', {});
  const url = el('input', { id: 'endpoint-url', type: 'url', inputmode: 'url', autocomplete: 'off', required: true, placeholder: 'https://example.com/hooks/calendar' });
  const description = el('input', { id: 'endpoint-description', type: 'text', maxlength: '500' });
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'add-endpoint-heading', onsubmit: async (event) => {
    event.preventDefault();
    errors.clear();
    try {
      const endpoint = await call(`${base()}/webhook-endpoints`, { method: 'POST', body: {
        url: url.value.trim(),
        eventTypes: [...form.querySelectorAll('input[name=eventType]:checked')].map(i => i.value),
        description: description.value.trim() || undefined,
      } });
      await route();
      // The secret is in this answer only: it is shown here and kept nowhere.
      const page = document.getElementById('app');
      page.querySelector('h1').after(secretCard(endpoint));
      page.querySelector('#endpoint-secret').focus();
    } catch (e) {
      if (!errors.show(e, { 'endpoint-not-allowed': 'url' })) throw e;
    }
  } },
    el('h2', { id: 'add-endpoint-heading' }, 'Add an endpoint'),
    field(errors, 'url', 'URL', url, 'Events are posted here as JSON, signed as the Standard Webhooks specification describes.'),
    field(errors, 'description', 'Description (optional)', description),
    el('fieldset', { 'aria-describedby': `event-types-help ${FieldErrors.idOf('eventTypes')}` },
      el('legend', {}, 'Events'),
      el('p', { id: 'event-types-help', class: 'muted small' }, 'Leave all unchecked to receive every event.'),
      Object.entries(eventTypes).filter(([type]) => type !== 'ping').map(([type, label]) =>
        el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'eventType', value: type }), label, el('span', { class: 'muted small' }, ` ${type}`))),
      errors.slot('eventTypes', 'Events')),
    errors.slot('form'),
    el('button', { type: 'submit' }, 'Add endpoint'));

  show('Webhooks',
    el('h1', {}, 'Webhooks'),
    el('p', { class: 'muted' }, 'Your own systems learn of every booking, reschedule, cancellation and Outlook connection change as it happens.'),
    created,
    el('div', { class: 'card' },
      endpoints.length === 0
        ? el('p', {}, 'No endpoints yet.')
        : el('table', {},
          el('thead', {}, el('tr', {}, ['Endpoint', 'Events', 'Status', ''].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, endpoints.map(e => el('tr', { 'data-endpoint': e.id },
            el('td', {}, el('a', { href: `/console/webhooks/${encodeURIComponent(e.id)}`, 'aria-label': `Deliveries of ${e.url}` }, el('strong', {}, e.url)),
              e.description ? el('div', { class: 'muted small' }, e.description) : null),
            el('td', {}, e.eventTypes.length ? e.eventTypes.map(t => eventTypes[t] ?? t).join(', ') : 'All events'),
            el('td', {}, statusBadge(e), e.disabledReason ? el('div', { class: 'muted small' }, e.disabledReason) : null),
            el('td', { class: 'actions' }, endpointActions(e, route, navigate))))))),
    form);
}

function secretCard(endpoint) {
  const secret = el('input', { id: 'endpoint-secret', type: 'text', readonly: true, value: endpoint.secret, 'aria-describedby': 'secret-help' });
  return el('section', { class: 'card', role: 'status', 'aria-labelledby': 'secret-heading' },
    el('h2', { id: 'secret-heading' }, 'Endpoint added: its signing secret'),
    el('p', { id: 'secret-help' }, `Store it now: it is shown only this once. Your system checks each request to ${endpoint.url} with it.`),
    el('div', { class: 'field' }, el('label', { for: 'endpoint-secret' }, 'Signing secret'), secret, copyButton('Copy secret', secret, 'signing secret')));
}

function endpointActions(endpoint, then, navigate) {
  const enabled = endpoint.status === 'enabled';
  return el('div', { class: 'row' },
    el('button', { type: 'button', class: 'secondary', disabled: !enabled, 'aria-label': `Send test to ${endpoint.url}`, onclick: () => attempt(async () => {
      await call(`${endpointPath(endpoint.id)}/test`, { method: 'POST' });
      await navigate(`/console/webhooks/${encodeURIComponent(endpoint.id)}?done=sent`);
    }) }, 'Send test'),
    el('button', { type: 'button', class: 'secondary', 'aria-label': `${enabled ? 'Disable' : 'Enable'} ${endpoint.url}`, onclick: () => attempt(async () => {
      await call(endpointPath(endpoint.id), { method: 'PATCH', body: { status: enabled ? 'disabled' : 'enabled' } });
      await then();
    }) }, enabled ? 'Disable' : 'Enable'),
    el('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${endpoint.url}`, onclick: () => attempt(async () => {
      const confirmed = await confirmDialog({
        title: 'Delete this endpoint?',
        message: `${endpoint.url} receives no more events; its delivery log goes too.`,
        confirm: 'Delete endpoint', keep: 'Keep endpoint',
      });
      if (!confirmed) return;
      await call(endpointPath(endpoint.id), { method: 'DELETE' });
      await then();
    }) }, 'Delete'));
}

export async function deliveriesPage({ params, navigate }, eid) {
  const endpoint = await call(endpointPath(eid));
  const filter = params.get('status') ?? '';
  const deliveries = await listAll(`${endpointPath(eid)}/deliveries${filter ? `?status=${encodeURIComponent(filter)}` : ''}`);
  const here = (extra = {}) => {
    const search = new URLSearchParams({ ...(filter ? { status: filter } : {}), ...extra });
    return `/console/webhooks/${encodeURIComponent(eid)}${search.size ? `?${search}` : ''}`;
  };
  const reload = (extra) => navigate(here(extra), { replace: true });
  const statusFilter = el('select', { id: 'delivery-status', onchange: () => navigate(`/console/webhooks/${encodeURIComponent(eid)}${statusFilter.value ? `?status=${statusFilter.value}` : ''}`, { replace: true }) },
    el('option', { value: '' }, 'All'),
    Object.entries(deliveryLabels).map(([value, label]) => el('option', { value, selected: value === filter }, label)));
  const message = { sent: 'Test sent: a ping is on its way.', retried: 'Sent again.' }[params.get('done')];

  show(`Deliveries · ${endpoint.url}`,
    el('h1', { class: 'wrap' }, endpoint.url),
    message ? notice('ok', message) : null,
    el('div', { class: 'card' },
      el('p', {}, statusBadge(endpoint), ' ', endpoint.eventTypes.length ? endpoint.eventTypes.map(t => eventTypes[t] ?? t).join(', ') : 'All events',
        endpoint.description ? el('span', { class: 'muted' }, ` · ${endpoint.description}`) : null),
      endpoint.disabledReason ? notice('info', endpoint.disabledReason) : null,
      el('div', { class: 'row' },
        el('button', { type: 'button', disabled: endpoint.status !== 'enabled', onclick: () => attempt(async () => {
          await call(`${endpointPath(eid)}/test`, { method: 'POST' });
          await reload({ done: 'sent' });
        }) }, 'Send test'),
        el('button', { type: 'button', class: 'secondary', onclick: () => reload() }, 'Refresh'),
        el('a', { href: '/console/webhooks' }, 'Back to webhooks'))),
    el('div', { class: 'row heading-row' },
      el('h2', { class: 'grow' }, 'Delivery log'),
      el('div', { class: 'field' }, el('label', { for: 'delivery-status' }, 'Show'), statusFilter)),
    el('div', { class: 'card' },
      deliveries.length === 0
        ? el('p', {}, filter ? 'No deliveries with this status.' : 'Nothing sent yet. Send a test to see one.')
        : el('table', {},
          el('thead', {}, el('tr', {}, ['Event', 'Status', 'Attempts', 'Last answer', 'Next attempt', ''].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, deliveries.map(d => el('tr', { 'data-delivery': d.id, 'data-event-type': d.eventType },
            el('td', {}, eventTypes[d.eventType] ?? d.eventType, el('div', { class: 'muted small' }, formatDateTime(d.createdAt))),
            el('td', {}, el('span', { class: `badge delivery-${d.status}` }, deliveryLabels[d.status] ?? d.status)),
            el('td', {}, String(d.attempts)),
            el('td', {}, d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—', d.lastError ? el('div', { class: 'field-error' }, d.lastError) : null),
            el('td', {}, d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'),
            el('td', { class: 'actions' }, d.status === 'succeeded' ? null : el('button', { type: 'button', class: 'secondary', 'aria-label': `Retry ${eventTypes[d.eventType] ?? d.eventType}`, onclick: () => attempt(async () => {
              await call(`${endpointPath(eid)}/deliveries/${encodeURIComponent(d.id)}/retry`, { method: 'POST' });
              await reload({ done: 'retried' });
            }) }, 'Retry'))))))));
}
