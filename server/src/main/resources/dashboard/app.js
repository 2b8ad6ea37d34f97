// The dashboard: models and their state, the selected model's metric history with its incidents and
// promotions, its versions with their gate decisions and its jobs with their trials, all kept up to date
// from the event stream without a reload.
import * as api from './api.js';
import { HistoryChart } from './history.js';
import * as views from './views.js';

const MAX_POINTS = 5000;
const MAX_FEED = 100;
const MARKER_TYPES = ['DriftDetected', 'Recovered', 'ModelPromoted', 'PromotionRejected'];
const $ = id => document.getElementById(id);

const state = {
  models: [],
  selected: null,
  points: new Map(),   // model -> [{t, precision, recall, f1}]
  markers: new Map(),  // model -> Map(event id -> marker)
  loadedHistory: new Set(),
  detail: null,
  chart: null,
  refreshTimer: null,
  refreshDue: 0,
  source: null,
};

function seconds(iso) {
  return Date.parse(iso) / 1000;
}

function markerOf(e) {
  switch (e.type) {
    case 'DriftDetected':
      return { id: e.id, t: seconds(e.time), kind: 'incident', label: 'incident', title: e.reason };
    case 'Recovered':
      return { id: e.id, t: seconds(e.time), kind: 'recovered', label: 'recovered', title: 'recovered' };
    case 'ModelPromoted':
      return { id: e.id, t: seconds(e.time), kind: 'promotion', label: 'v' + e.version, title: e.reason };
    case 'PromotionRejected':
      return { id: e.id, t: seconds(e.time), kind: 'rejected', label: 'v' + e.version + ' rejected', title: e.reason };
    default:
      return null;
  }
}

function addMarker(e) {
  const m = markerOf(e);
  if (!m) {
    return;
  }
  if (!state.markers.has(e.model)) {
    state.markers.set(e.model, new Map());
  }
  state.markers.get(e.model).set(m.id, m);
}

function addPoint(model, point) {
  if (!state.points.has(model)) {
    state.points.set(model, []);
  }
  const points = state.points.get(model);
  points.push(point);
  if (points.length > 1 && points[points.length - 2].t > point.t) {
    points.sort((a, b) => a.t - b.t);
  }
  if (points.length > MAX_POINTS) {
    points.splice(0, points.length - MAX_POINTS);
  }
}

function drawChart() {
  if (!state.selected || !state.chart) {
    return;
  }
  const markers = [...(state.markers.get(state.selected) || new Map()).values()].sort((a, b) => a.t - b.t);
  const threshold = state.detail && state.detail.spec ? state.detail.spec.policy.minAvg : null;
  state.chart.show(state.points.get(state.selected) || [], markers, threshold);
}

let drawPending = false;
function scheduleDraw() {
  if (!drawPending) {
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      drawChart();
    });
  }
}

async function refreshModels() {
  const answer = await api.get('/models');
  state.models = answer.models;
  $('failure').hidden = true;
  views.renderModels($('models'), state.models, state.selected, select);
  $('no-models').hidden = state.models.length > 0;
  if (!state.selected && state.models.length > 0) {
    await select(state.models[0].name);
  }
}

/** Logged incidents and promotions of the model, for the markers of what happened before the page opened. */
async function loadHistory(name) {
  const types = MARKER_TYPES.join(',');
  let after = 0;
  for (let page = 0; page < 10; page++) {
    const answer = await api.get('/events?model=' + encodeURIComponent(name) + '&types=' + types
      + '&after=' + after + '&limit=1000');
    answer.events.forEach(addMarker);
    after = answer.next;
    if (!answer.more) {
      break;
    }
  }
}

async function loadDetail(name) {
  const path = '/models/' + encodeURIComponent(name);
  const [detail, versions, jobs] = await Promise.all([
    api.get(path),
    api.allPages(async next => {
      const page = await api.get(path + '/versions?limit=100' + (next ? '&pageToken=' + encodeURIComponent(next) : ''));
      return { items: page.versions, next: page.nextPageToken };
    }, 20),
    api.get('/jobs?model=' + encodeURIComponent(name) + '&limit=10'),
  ]);
  const withTrials = await Promise.all(jobs.jobs.map(j => api.get('/jobs/' + encodeURIComponent(j.id))));
  if (state.selected !== name) {
    return;
  }
  state.detail = detail;
  $('model-title').textContent = name;
  $('model-state').textContent = views.describeModel(detail);
  views.renderVersions($('versions').tBodies[0], versions);
  views.renderJobs($('jobs').tBodies[0], withTrials, detail.spec.trials);
  drawChart();
}

async function select(name) {
  state.selected = name;
  state.detail = null;
  views.renderModels($('models'), state.models, state.selected, select);
  $('detail').hidden = false;
  if (state.chart) {
    state.chart.destroy();
  }
  state.chart = new HistoryChart($('chart'));
  if (!state.loadedHistory.has(name)) {
    state.loadedHistory.add(name);
    await loadHistory(name);
  }
  await loadDetail(name);
  // The monitor's current window, as one point, until the stream brings samples of the model.
  const w = state.detail && state.detail.window;
  if (w && w.samples && !(state.points.get(name) || []).length) {
    addPoint(name, { t: Date.now() / 1000, precision: w.precision, recall: w.recall, f1: w.f1 });
    drawChart();
  }
}

/**
 * Reads the models and the selected model again within delay ms: at most one read is pending, and a
 * sooner one takes the place of a later one, so a busy stream cannot hold the page's tables back.
 */
function scheduleRefresh(delay) {
  const due = Date.now() + delay;
  if (state.refreshTimer !== null) {
    if (state.refreshDue <= due) {
      return;
    }
    clearTimeout(state.refreshTimer);
  }
  state.refreshDue = due;
  state.refreshTimer = setTimeout(() => {
    state.refreshTimer = null;
    refreshModels()
      .then(() => state.selected && loadDetail(state.selected))
      .catch(failed);
  }, delay);
}

function onEvent(type, e) {
  if (type === 'Metrics') {
    addPoint(e.model, { t: seconds(e.time), precision: e.metrics.precision, recall: e.metrics.recall,
      f1: e.metrics.f1_score });
    if (e.model === state.selected) {
      scheduleDraw();
      // The monitor's window moved: its means are read again, at most every two seconds.
      scheduleRefresh(2000);
    }
    return;
  }
  addMarker(e);
  views.prependEvent($('events'), e, MAX_FEED);
  if (e.model === state.selected) {
    scheduleDraw();
  }
  scheduleRefresh(250);
}

function setLive(open) {
  const live = $('live');
  live.textContent = open ? 'live' : 'reconnecting';
  live.classList.toggle('on', open);
  live.classList.toggle('off', !open);
  if (open) {
    // Whatever happened while the stream was down is read again.
    scheduleRefresh(250);
  }
}

function failed(error) {
  if (error instanceof api.ApiFailure && error.status === 401) {
    askForToken(api.token() ? 'The token was not accepted.' : '');
    return;
  }
  const failure = $('failure');
  failure.textContent = 'Could not read the API: ' + error.message;
  failure.hidden = false;
}

function askForToken(message) {
  if (state.source) {
    state.source.close();
    state.source = null;
  }
  $('main').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
}

async function start() {
  try {
    await refreshModels();
  } catch (error) {
    failed(error);
    return;
  }
  $('login').hidden = true;
  $('failure').hidden = true;
  $('main').hidden = false;
  // The chart was sized while the page was hidden: size it to its column now.
  window.dispatchEvent(new Event('resize'));
  state.source = api.stream(onEvent, setLive);
}

$('login').addEventListener('submit', event => {
  event.preventDefault();
  api.setToken($('token').value.trim());
  $('token').value = '';
  start();
});

start();
