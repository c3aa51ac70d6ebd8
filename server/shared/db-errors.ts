// Postgres errors the app answers on purpose, by SQLSTATE (the same codes on pg and PGlite).

const sqlState = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/** 23505: a unique constraint refused the row (a spent token, a taken name, a re-sent message). */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

/** 23503: a foreign key refused the row (it points at something that does not exist). */
export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';

/** SQLSTATE class 22: a value the database refuses (bad encoding, out of range…). */
export const isDataException = (error: unknown): boolean => /^22/.test(sqlState(error) ?? '');
