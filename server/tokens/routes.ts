import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import keyUpkeep from './key-upkeep.ts';
import tokenIssuer from './issuer.ts';
import transparencyRoutes from './transparency.ts';
import keyRoutes from './key-routes.ts';
import issueRoutes from './issue-routes.ts';
import enrolmentRoutes from './enrolment-routes.ts';
import oidcRoutes from './oidc-routes.ts';

// The tokens feature: its services (key upkeep, the issuer) and its routes. Routes declare full paths
// (/api/..., /.well-known/...); registered without a prefix.
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  await app.register(keyUpkeep);
  await app.register(tokenIssuer, { config });
  await app.register(transparencyRoutes);
  await app.register(keyRoutes);
  await app.register(issueRoutes);
  await app.register(enrolmentRoutes);
  await app.register(oidcRoutes, { config });
};

export default routes;
