import { recall, remember } from './browser-traces.ts';

// Which actions this browser follows, and the last day it saw each one updated. Kept on this device only
// (under the traces prefix, so forgetting the wallet forgets them too) and never sent: the server cannot
// tell who follows what. Days are all the board gives, so an update is news once its day is newer.

const FOLLOWED = 'followedActions';

interface Seen {
  id: string;
  updatedDay: string;
}

export class FollowedActions {
  /** Action id → the updatedDay this browser last showed. */
  #seen = $state<Record<string, string>>(recall<Record<string, string>>(FOLLOWED, {}));

  has(id: string): boolean {
    return id in this.#seen;
  }

  /** Updated since this browser last showed it (followed actions only). */
  isUpdated(action: Seen): boolean {
    const seen = this.#seen[action.id];
    return seen !== undefined && action.updatedDay > seen;
  }

  toggle(action: Seen): void {
    const { [action.id]: _dropped, ...rest } = this.#seen;
    this.#seen = this.has(action.id) ? rest : { ...rest, [action.id]: action.updatedDay };
    remember(FOLLOWED, this.#seen);
  }

  /** Remembers these as seen (the board calls this once it has shown what was new). */
  markSeen(actions: readonly Seen[]): void {
    const next = { ...this.#seen };
    for (const action of actions) if (action.id in next) next[action.id] = action.updatedDay;
    this.#seen = next;
    remember(FOLLOWED, next);
  }
}

export const followedActions = new FollowedActions();
