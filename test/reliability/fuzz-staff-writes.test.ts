import { fuzzRoutes } from './http-fuzz.ts';

// Every state-changing staff route (/api/mod, /api/admin, /api/staff), 200 generated requests each.
fuzzRoutes(['POST', 'PUT', 'PATCH', 'DELETE'], (url) => /^\/api\/(mod|admin|staff)\//.test(url));
