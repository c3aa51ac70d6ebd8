// oidc-provider ships no types; the tests use a small part of it.
declare module 'oidc-provider' {
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, any>);
    use(middleware: (ctx: any, next: () => Promise<void>) => Promise<void>): void;
    callback(): (
      request: import('node:http').IncomingMessage,
      response: import('node:http').ServerResponse,
    ) => void;
  }
}
