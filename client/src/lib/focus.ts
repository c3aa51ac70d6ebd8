// Where keyboard and screen-reader focus goes when the page changes under the user: to the new page's
// main heading after navigation, to the confirmation after sending. Focusing a heading makes a screen
// reader read it, so the change is announced without a separate live region.

/** Makes an element focusable by script (not by Tab) and focuses it without scrolling past it. */
export function focusQuietly(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

/** Svelte action: focus this element once it is on the page (a receipt or a thank-you that just appeared). */
export function focusOnMount(element: HTMLElement, enabled: boolean = true): void {
  if (!enabled) return;
  queueMicrotask(() => {
    focusQuietly(element);
    element.scrollIntoView({ block: 'nearest' });
  });
}

/**
 * After a route change: scroll to the top, name the tab after the page, and move focus to the page's
 * first heading once it renders (pages that load their data first render it a moment later).
 * Returns a cancel function for when the route changes again before the heading appears.
 */
export function announcePage(main: HTMLElement, brand: string): () => void {
  window.scrollTo(0, 0);
  const land = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    const title = heading.textContent?.trim();
    document.title = title ? `${title} — ${brand}` : brand;
    focusQuietly(heading);
    return true;
  };
  if (land()) return () => {};
  const observer = new MutationObserver(() => {
    if (land()) stop();
  });
  // A page without any heading still moves focus off the old page's link.
  const fallback = setTimeout(() => {
    stop();
    focusQuietly(main);
  }, 3000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(fallback);
  };
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
