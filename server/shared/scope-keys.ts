// The scope-key port: a feature that needs a token scope of its own (a pulse, a focus group, handoff
// ratings per department and week) asks for its issuer key here, and the tokens feature, which owns keys, answers. Features never
// import the tokens feature for this.

export interface ScopeKeyRequest {
  scope: string;
  /** Tokens each member may obtain for the key (1: one action per person per scope). */
  budget: number;
  notBefore: Date;
  notAfter: Date;
}

/** Creates the key (idempotent per scope and start); null when the window is taken by another key. */
export type ScopeKeyMaker = (request: ScopeKeyRequest) => Promise<{ tokenKeyId: string } | null>;

export class ScopeKeys {
  #maker: ScopeKeyMaker | null = null;

  provide(maker: ScopeKeyMaker): void {
    this.#maker = maker;
  }

  async ensure(request: ScopeKeyRequest): Promise<{ tokenKeyId: string } | null> {
    if (!this.#maker) throw new Error('no token feature registered to create scope keys');
    return this.#maker(request);
  }

  /** For a scope just made up (a new pulse's or room's id), where a taken window can only be a bug. */
  async create(request: ScopeKeyRequest): Promise<{ tokenKeyId: string }> {
    const made = await this.ensure(request);
    if (!made) throw new Error(`scope "${request.scope}" already has a key in that window`);
    return made;
  }
}
