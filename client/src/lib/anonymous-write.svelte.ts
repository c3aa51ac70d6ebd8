import { ApiError } from './api.ts';
import { t } from './i18n/index.ts';
import { wallet, type OutboxEntry, type QueueRequest } from './wallet.svelte.ts';

/** What the author keeps of a queued suggestion or kudos: its receipt, and whether the wallet is saved. */
export interface Sent {
  entryId: string;
  receipt: string;
  saved: boolean;
}

/**
 * One anonymous write from a form: spend a token, queue the post in the wallet's outbox (which makes and
 * keeps the receipt for suggestions and kudos), and show the error if that fails. A form holds one of
 * these; `sending` and `error` are what it renders.
 */
export class AnonymousWrite {
  sending = $state(false);
  error = $state<string | null>(null);

  /** The queued entry, or null when it failed (the reason is in `error`) or a send is still going. */
  async send(request: QueueRequest, fallback = t('error.network')): Promise<OutboxEntry | null> {
    if (this.sending) return null;
    this.sending = true;
    this.error = null;
    try {
      return await wallet.queue(request);
    } catch (caught) {
      this.error = caught instanceof ApiError ? caught.message : fallback;
      return null;
    } finally {
      this.sending = false;
    }
  }

  /** For suggestions and kudos: what the thank-you panel shows. */
  static sent(entry: OutboxEntry): Sent {
    return { entryId: entry.id, receipt: entry.receipt!, saved: wallet.persistent };
  }
}
