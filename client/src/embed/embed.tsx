/**
 * embed.js: mounts a read-only Parley timeline into every <div data-parley-timeline> and
 * <parley-timeline> element, now and whenever one is added later, each inside its own
 * shadow root with its own CSS, so the host page and the widget cannot restyle each other.
 * On Parley's /embed page (the iframe variant) it fills the page and reports its height.
 */

import { createRoot, type Root } from 'react-dom/client';
import visCss from 'vis-timeline/styles/vis-timeline-graph2d.min.css?inline';
import timelineCss from '../timeline/timeline.css?inline';
import widgetCss from './embed.css?inline';
import { OPTION_NAMES, type OptionName, readOptions } from './options';
import { ParleyWidget } from './ParleyWidget';

const HOST_SELECTOR = '[data-parley-timeline]';
const css = visCss + timelineCss + widgetCss;

/** The API defaults to wherever this script was served from. */
const scriptOrigin = (() => {
  const script = document.currentScript as HTMLScriptElement | null;
  try {
    return new URL(script?.src ?? window.location.href).origin;
  } catch {
    return window.location.origin;
  }
})();

const mounted = new WeakMap<HTMLElement, { root: Root; container: HTMLElement }>();

function mount(host: HTMLElement, get: (name: OptionName) => string | null): void {
  const options = readOptions(get);
  let widget = mounted.get(host);
  if (!widget) {
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    const container = document.createElement('div');
    container.className = 'parley-root';
    shadow.replaceChildren(style, container);
    widget = { root: createRoot(container), container };
    mounted.set(host, widget);
  }
  widget.container.dataset.theme = options.theme;
  widget.root.render(<ParleyWidget options={options} api={options.api ?? scriptOrigin} />);
}

function unmount(host: HTMLElement): void {
  const widget = mounted.get(host);
  if (!widget) return;
  widget.root.unmount();
  mounted.delete(host);
}

class ParleyTimelineElement extends HTMLElement {
  static observedAttributes = [...OPTION_NAMES];

  connectedCallback(): void {
    mount(this, (name) => this.getAttribute(name));
  }

  attributeChangedCallback(): void {
    if (this.isConnected) mount(this, (name) => this.getAttribute(name));
  }

  disconnectedCallback(): void {
    unmount(this);
  }
}

function mountDivs(root: ParentNode): void {
  const hosts = root instanceof HTMLElement && root.matches(HOST_SELECTOR) ? [root] : [];
  hosts.push(...root.querySelectorAll<HTMLElement>(HOST_SELECTOR));
  for (const host of hosts) {
    if (!mounted.has(host)) mount(host, (name) => host.getAttribute(`data-${name}`));
  }
}

function watchPage(): void {
  mountDivs(document);
  // Single-page apps add timelines after load; mount those, and unmount the ones removed.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof HTMLElement) mountDivs(node);
      for (const node of record.removedNodes) {
        if (node instanceof HTMLElement && !node.isConnected) {
          for (const host of [node, ...node.querySelectorAll<HTMLElement>(HOST_SELECTOR)]) unmount(host);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

/** The /embed page: options from the query string, and the frame's height to the host. */
function fillFrame(host: HTMLElement): void {
  const params = new URLSearchParams(window.location.search);
  mount(host, (name) => params.get(name));
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: 'parley:resize', height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

if (!customElements.get('parley-timeline')) customElements.define('parley-timeline', ParleyTimelineElement);
const frame = document.getElementById('parley-frame');
if (frame?.hasAttribute('data-parley-frame')) fillFrame(frame);
else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchPage, { once: true });
else watchPage();
