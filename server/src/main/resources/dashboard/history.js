// The metric history chart of one model: precision, recall and F1 per reported sample, the policy's
// threshold, and vertical markers for drift incidents, recoveries, promotions and rejected candidates.
// Markers are elements over the plot, so they can be hovered and found in the page.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const HEIGHT = 260;

export class HistoryChart {
  constructor(container) {
    this.container = container;
    this.plot = null;
    this.points = [];
    this.markers = [];
    this.threshold = null;
    this.elements = new Map();
    window.addEventListener('resize', () => this.plot && this.plot.setSize({ width: this.width(), height: HEIGHT }));
  }

  width() {
    return Math.max(300, this.container.clientWidth || 600);
  }

  /**
   * Shows points ({t: seconds, precision, recall, f1}, oldest first), markers ({id, t, kind, label}) and
   * the threshold (a number in [0, 1] or null).
   */
  show(points, markers, threshold) {
    this.points = points;
    this.markers = markers;
    this.threshold = threshold;
    const data = [
      points.map(p => p.t),
      points.map(p => p.precision),
      points.map(p => p.recall),
      points.map(p => p.f1),
      points.map(() => threshold),
    ];
    if (!this.plot) {
      this.plot = new uPlot(this.options(), data, this.container);
    } else {
      this.plot.setData(data, true);
    }
    this.syncMarkers();
    this.place(this.plot);
  }

  options() {
    return {
      width: this.width(),
      height: HEIGHT,
      scales: {
        x: { time: true, range: () => this.range() },
        y: { range: [0, 1] },
      },
      series: [
        {},
        { label: 'precision', stroke: '#2d6cdf', points: { show: false } },
        { label: 'recall', stroke: '#e08a00', points: { show: false } },
        { label: 'F1', stroke: '#6b3fa0', width: 2, points: { show: false } },
        { label: 'threshold', stroke: '#b3261e', dash: [6, 4], points: { show: false } },
      ],
      hooks: { draw: [u => this.place(u)] },
    };
  }

  /** The time axis spans the samples and the markers, so an incident before the first sample still shows. */
  range() {
    const times = this.points.map(p => p.t).concat(this.markers.map(m => m.t));
    if (times.length === 0) {
      const now = Date.now() / 1000;
      return [now - 60, now];
    }
    let min = Math.min(...times);
    let max = Math.max(...times);
    if (max - min < 10) {
      min -= 30;
      max += 30;
    }
    const pad = (max - min) * 0.02;
    return [min - pad, max + pad];
  }

  syncMarkers() {
    const wanted = new Set(this.markers.map(m => m.id));
    for (const [id, element] of this.elements) {
      if (!wanted.has(id)) {
        element.remove();
        this.elements.delete(id);
      }
    }
    for (const m of this.markers) {
      if (this.elements.has(m.id)) {
        continue;
      }
      const element = document.createElement('div');
      element.className = 'marker ' + m.kind;
      element.dataset.kind = m.kind;
      element.dataset.eventId = m.id;
      element.title = m.title;
      const label = document.createElement('span');
      label.textContent = m.label;
      element.appendChild(label);
      this.plot.over.appendChild(element);
      this.elements.set(m.id, element);
    }
  }

  place(u) {
    for (const m of this.markers) {
      const element = this.elements.get(m.id);
      if (element) {
        element.style.left = u.valToPos(m.t, 'x') + 'px';
      }
    }
  }

  /** Removes the chart, for another model's. */
  destroy() {
    if (this.plot) {
      this.plot.destroy();
    }
    this.plot = null;
    this.elements.clear();
    this.container.textContent = '';
  }
}
