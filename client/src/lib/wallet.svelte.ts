// OWNER: tokens feature (issue 3). The public surface below is the contract other views code against.

/** A receipt the browser keeps: the only way back to an anonymous conversation. */
export interface WalletReceipt {
  kind: 'suggestion' | 'kudos';
  /** Id of the anonymous item. */
  id: string;
  receipt: string;
  /** First words of what was written, so the author recognises it. Never sent to the server. */
  excerpt: string;
  day: string;
}

/** A focus-group seat: the seat secret goes in the socket's first frame, never in a URL. */
export interface WalletSeat {
  focusGroupId: string;
  seat: string;
  pseudonym: string;
}

class Wallet {
  /** True once IndexedDB was read. */
  loaded = $state(false);
  enrolled = $state(false);
  receipts = $state<WalletReceipt[]>([]);
  seats = $state<WalletSeat[]>([]);

  /** Tokens held for a scope ('general', 'pulse:<id>', 'focus-group:<id>'). */
  remaining(_scope = 'general'): number {
    return 0;
  }

  async enrol(_code: string): Promise<void> {}

  /** Fetch tokens for a scope ahead of use (e.g. when a pulse or focus group is listed). */
  async prefetch(_scope: string): Promise<void> {}

  /** Takes one token for the scope; returns the Authorization header value `PrivateToken token="…"`. */
  async spend(_scope = 'general'): Promise<string> {
    throw new Error('not implemented yet');
  }

  async addReceipt(_receipt: WalletReceipt): Promise<void> {}
  async removeReceipt(_receipt: string): Promise<void> {}
  async addSeat(_seat: WalletSeat): Promise<void> {}
  seatFor(focusGroupId: string): WalletSeat | undefined {
    return this.seats.find((seat) => seat.focusGroupId === focusGroupId);
  }
}

export const wallet = new Wallet();
