import { fuzzRoutes } from './http-fuzz.ts';

// Every state-changing route outside the staff areas (anonymous writes, enrolment, tokens), 200 each.
fuzzRoutes(['POST', 'PUT', 'PATCH', 'DELETE'], (url) => !/^\/api\/(mod|admin|staff)\//.test(url));
