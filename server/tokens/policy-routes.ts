import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { WalletPolicy } from '../../common/api/tokens.ts';

// The wallet's timing, public: every browser gets the same ranges and draws its own delays from them.
// A server that served one person a different policy could only do what a server serving a different
// client could do anyway (threat model: backdoored client); nothing here names anyone.
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/api/wallet/policy',
    {
      schema: {
        tags: ['tokens'],
        summary: 'When the browser wallet sends anonymous writes and fetches tokens (ranges in ms)',
        response: { 200: WalletPolicy },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return config.walletTiming;
    },
  );
};

export default routes;
