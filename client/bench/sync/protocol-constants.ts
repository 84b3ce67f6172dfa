/** Issuer and audience the bench signs tokens for and its server verifies (any pair would do). */
export const TOKEN_AUDIENCE = { issuer: 'tirelire-bench', audience: 'tirelire-sync' } as const;

/** RxDB's one collection; ours writes the same documents to its `operations` collection. */
export const RXDB_COLLECTION = 'operations';
