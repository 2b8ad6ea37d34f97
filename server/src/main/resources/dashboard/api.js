// The API client of the page: JSON reads under /api/v1 with the bearer token, if one is set, and the
// event stream. The token lives in sessionStorage, so it is gone when the tab closes.

const TOKEN_KEY = 'visutility.token';

/** Every event type the server streams, by the name it gives each server-sent event. */
export const EVENT_TYPES = ['Metrics', 'DriftDetected', 'DriftWarning', 'Recovered', 'RetrainRequested',
  'RetrainSkipped', 'TrialCompleted', 'ModelRegistered', 'ModelPromoted', 'PromotionRejected', 'RetrainFailed'];

/** An answer other than 2xx, with its status and the API's error body. */
export class ApiFailure extends Error {
  constructor(status, error) {
    super(error && error.message ? error.message : 'HTTP ' + status);
    this.status = status;
    this.error = error;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** GET path (under /api/v1) and parse the JSON answer; throws ApiFailure for a non-2xx answer. */
export async function get(path) {
  const headers = { Accept: 'application/json' };
  const t = token();
  if (t) {
    headers.Authorization = 'Bearer ' + t;
  }
  const response = await fetch('/api/v1' + path, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiFailure(response.status, body && body.error);
  }
  return body;
}

/** Follows a paged list: calls pageOf(token) until there is no next page or maxPages were read. */
export async function allPages(pageOf, maxPages) {
  const items = [];
  let next = null;
  for (let page = 0; page < maxPages; page++) {
    const answer = await pageOf(next);
    items.push(...answer.items);
    next = answer.next;
    if (!next) {
      break;
    }
  }
  return items;
}

/**
 * Opens the event stream. An EventSource cannot send headers, so the token travels as access_token, which
 * the server accepts on this route only. onEvent(type, event) gets each parsed event; onState(open) tells
 * whether the stream is connected (the browser reconnects by itself after a drop).
 */
export function stream(onEvent, onState) {
  const t = token();
  const url = '/api/v1/events/stream' + (t ? '?access_token=' + encodeURIComponent(t) : '');
  const source = new EventSource(url);
  source.onopen = () => onState(true);
  source.onerror = () => onState(source.readyState === EventSource.OPEN);
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, message => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      onEvent(type, event);
    });
  }
  return source;
}
