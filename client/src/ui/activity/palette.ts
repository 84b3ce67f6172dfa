/**
 * Line colours for accounts, in order. Mid-tone hues chosen to read on both the light and the
 * dark background; the total line uses the text colour so it stands apart from every account.
 */
const ACCOUNT_COLORS = [
  '#2f7ed8',
  '#e0752d',
  '#2e9d57',
  '#c2418f',
  '#7a4fd1',
  '#c99a0e',
  '#3aa6a6',
  '#d64545',
] as const;

export const TOTAL_COLOR = 'var(--text)';
export const INCOME_COLOR = 'var(--positive)';
export const SPENDING_COLOR = 'var(--negative)';
/** Spending by category: the smaller categories summed, and operations without a category. */
export const OTHER_COLOR = '#b8a98f';
export const UNCATEGORISED_COLOR = 'var(--muted)';

export function accountColor(index: number): string {
  return ACCOUNT_COLORS[index % ACCOUNT_COLORS.length] ?? '#2f7ed8';
}
