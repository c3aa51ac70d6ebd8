// Tables owned by the pulses feature. Nullable columns are `T | null`; see db/schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PulseTables {}
