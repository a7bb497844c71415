// Progressive enhancement for the comparison page; everything works without it.
// 1. Hover or focus a sentence: its counterpart in the other column lights up (same data-row).
// 2. Keys n / p: focus the next / previous difference (a differing, one-sided or moved pair).
(() => {
  document.documentElement.classList.add('has-js');

  let linked = [];

  function clearLinked() {
    for (const el of linked) el.classList.remove('is-linked');
    linked = [];
  }

  function linkFrom(target) {
    const source = target instanceof Element ? target.closest('.s[data-row], .row[data-row]') : null;
    clearLinked();
    if (!source) return;
    const id = source.getAttribute('data-row');
    linked = Array.from(document.querySelectorAll(`.s[data-row="${CSS.escape(id)}"]`));
    for (const el of linked) el.classList.add('is-linked');
  }

  document.addEventListener('mouseover', (event) => linkFrom(event.target));
  document.addEventListener('focusin', (event) => linkFrom(event.target));
  document.addEventListener('mouseleave', clearLinked);

  let status = null;
  function announce(text) {
    if (!status) {
      status = document.createElement('p');
      status.className = 'visually-hidden';
      status.setAttribute('aria-live', 'polite');
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    return target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]') !== null;
  }

  function move(step) {
    const items = Array.from(document.querySelectorAll('[data-difference]'));
    if (items.length === 0) return;
    const active =
      document.activeElement instanceof Element ? document.activeElement.closest('[data-difference]') : null;
    let index = active ? items.indexOf(active) : -1;
    if (index === -1) {
      // Nothing focused yet: start from what is on screen.
      const firstBelow = items.findIndex((el) => el.getBoundingClientRect().top > 0);
      index =
        step > 0 ? (firstBelow === -1 ? items.length : firstBelow) - 1 : firstBelow === -1 ? items.length : firstBelow;
    }
    const next = items[Math.min(items.length - 1, Math.max(0, index + step))];
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'center', behavior: 'auto' });
    announce(`Difference ${items.indexOf(next) + 1} of ${items.length}`);
  }

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === 'n') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'p') {
      event.preventDefault();
      move(-1);
    }
  });
})();
