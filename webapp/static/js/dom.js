/** Small DOM helpers: elements are built from text, never from HTML strings, so server text cannot inject markup. */

/**
 * h('button', {id: 'x', onclick: fn, class: 'primary'}, 'Text', child…)
 * Attributes: `class`, `text`, `on<event>` handlers, booleans (true = present, false/null = absent), others as is.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Paragraphs from a text with blank-line or newline breaks. */
export function paragraphs(text) {
  return String(text || '').split(/\n+/).map((line) => line.trim()).filter(Boolean).map((line) => h('p', {}, line));
}

/** Replaces an element's children, skipping null, undefined and false, flattening arrays. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}
