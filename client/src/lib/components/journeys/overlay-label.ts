import { t, type MessageKey } from '../../i18n/index.ts';

// The blueprint's overlays by id, in the reader's language; an overlay this client does not know yet keeps
// the name the server gave it.
const OVERLAY_KEYS: Record<string, MessageKey> = {
  'customer-voice': 'overlay.customer-voice',
  handoffs: 'overlay.handoffs',
  kudos: 'overlay.kudos',
  suggestions: 'overlay.suggestions',
  themes: 'overlay.themes',
  'touchpoint-themes': 'overlay.touchpoint-themes',
};

export function overlayLabel(overlay: string, fallback: string): string {
  const key = OVERLAY_KEYS[overlay];
  return key ? t(key as 'overlay.kudos') : fallback;
}
