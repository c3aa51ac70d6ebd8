// Days as both sides write them: UTC 'YYYY-MM-DD' (anonymous rows and receipts carry a day, never a time).

/** The UTC day of a moment. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Today, UTC. */
export const today = (): string => dayOf(new Date());
