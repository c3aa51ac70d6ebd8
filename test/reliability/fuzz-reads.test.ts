import { fuzzRoutes } from './http-fuzz.ts';

// Every GET route, 200 generated requests each (see http-fuzz.ts).
fuzzRoutes(['GET']);
