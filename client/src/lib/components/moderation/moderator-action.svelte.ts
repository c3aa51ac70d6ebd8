import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';

/**
 * A moderator's action on one card (a decision, a reply, a feature): one at a time, buttons disabled while
 * it runs, the server's message shown when it fails.
 */
export class ModeratorAction {
  busy = $state(false);
  error = $state<string | null>(null);
  readonly #fallback: string;

  constructor(fallback = t('moderation.decisionFailed')) {
    this.#fallback = fallback;
  }

  /** Runs `action`; true when it succeeded. */
  async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      return true;
    } catch (caught) {
      this.error = caught instanceof ApiError ? caught.message : this.#fallback;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
