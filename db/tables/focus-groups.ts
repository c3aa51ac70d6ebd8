// Tables owned by the focus-groups feature. Nullable columns are `T | null`; see db/schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FocusGroupTables {}
