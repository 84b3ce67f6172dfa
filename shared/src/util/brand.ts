/** Nominal typing: a value of `Brand<string, 'AccountId'>` is a string that a schema has already accepted. */
declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
