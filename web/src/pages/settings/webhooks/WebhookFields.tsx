import { useId } from 'react';
import type { ApiError } from '../../../api';
import type { WebhookEndpoint, WebhookEventType } from '../../../types';
import { CheckboxField, TextField } from '../../../components/Field';
import { EVENT_TYPES, WEBHOOK_EVENTS } from './events';

export interface WebhookForm {
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
}

export const EMPTY_WEBHOOK_FORM: WebhookForm = { url: '', description: '', events: [], active: true };

/** The form's fields as an endpoint has them (events the console does not know are left out). */
export function formFromEndpoint(endpoint: WebhookEndpoint): WebhookForm {
  const known = new Set<string>(EVENT_TYPES);
  return {
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events.filter((type): type is WebhookEventType => known.has(type)),
    active: endpoint.active,
  };
}

/** The fields the create and edit forms share; the API's message for each field stands under it. */
export const WEBHOOK_FIELDS = ['url', 'description', 'events', 'active'];

export function WebhookFields({ form, onChange, error }: { form: WebhookForm; onChange(form: WebhookForm): void; error: ApiError | null }) {
  const eventsId = useId();
  const set = <K extends keyof WebhookForm>(key: K, value: WebhookForm[K]) => onChange({ ...form, [key]: value });
  const toggle = (type: WebhookEventType, on: boolean) =>
    set('events', on ? EVENT_TYPES.filter((t) => t === type || form.events.includes(t)) : form.events.filter((t) => t !== type));
  const all = form.events.length === EVENT_TYPES.length;
  const eventsError = error?.fields.events;
  return (
    <>
      <TextField
        label="URL"
        name="url"
        type="url"
        inputMode="url"
        maxLength={2048}
        placeholder="https://example.com/roster-webhooks"
        value={form.url}
        onChange={(e) => set('url', e.target.value)}
        error={error?.fields.url}
        hint="Roster POSTs each event here. The address must be public (not private, loopback or link-local)."
      />
      <TextField label="Description (optional)" name="description" maxLength={256} value={form.description} onChange={(e) => set('description', e.target.value)} error={error?.fields.description} />
      <fieldset className="event-choice" aria-describedby={eventsError ? `${eventsId}-error` : undefined} aria-invalid={eventsError ? true : undefined}>
        <legend>Events</legend>
        <button type="button" className="link-button" onClick={() => set('events', all ? [] : [...EVENT_TYPES])}>
          {all ? 'Clear all events' : 'Select all events'}
        </button>
        <div className="event-grid">
          {EVENT_TYPES.map((type) => (
            <CheckboxField key={type} label={type} hint={WEBHOOK_EVENTS[type]} checked={form.events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
          ))}
        </div>
        {eventsError && (
          <p id={`${eventsId}-error`} className="field-error">
            {eventsError}
          </p>
        )}
      </fieldset>
      <CheckboxField
        label="Active"
        hint="Off: changes made while it is off are never sent to it."
        checked={form.active}
        onChange={(e) => set('active', e.target.checked)}
        error={error?.fields.active}
      />
    </>
  );
}
