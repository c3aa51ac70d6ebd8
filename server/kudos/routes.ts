import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';

// Routes declare full paths (/api/..., /.well-known/...); registered without a prefix.
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async () => {};

export default routes;
