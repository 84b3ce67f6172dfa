import { describe, expect, it } from 'vitest';
import { reviewKeyAction } from './review-keys.ts';

const press = (
  key: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('reviewKeyAction', () => {
  it('moves with j/k and the arrows, staying inside the list', () => {
    expect(reviewKeyAction(press('j'), 0, 3)).toEqual({ kind: 'move', to: 1 });
    expect(reviewKeyAction(press('ArrowDown'), 2, 3)).toEqual({ kind: 'move', to: 2 });
    expect(reviewKeyAction(press('k'), 2, 3)).toEqual({ kind: 'move', to: 1 });
    expect(reviewKeyAction(press('ArrowUp'), 0, 3)).toEqual({ kind: 'move', to: 0 });
    expect(reviewKeyAction(press('Home'), 2, 3)).toEqual({ kind: 'move', to: 0 });
    expect(reviewKeyAction(press('End'), 0, 3)).toEqual({ kind: 'move', to: 2 });
  });

  it('accepts with Enter or a', () => {
    expect(reviewKeyAction(press('Enter'), 1, 3)).toEqual({ kind: 'accept' });
    expect(reviewKeyAction(press('a'), 1, 3)).toEqual({ kind: 'accept' });
    expect(reviewKeyAction(press('A'), 1, 3)).toEqual({ kind: 'accept' });
  });

  it('picks alternatives 1 to 3 and nothing beyond', () => {
    expect(reviewKeyAction(press('1'), 0, 3)).toEqual({ kind: 'alternative', index: 0 });
    expect(reviewKeyAction(press('3'), 0, 3)).toEqual({ kind: 'alternative', index: 2 });
    expect(reviewKeyAction(press('4'), 0, 3)).toBeNull();
    expect(reviewKeyAction(press('0'), 0, 3)).toBeNull();
  });

  it('leaves modified keys, other keys and an empty list to the browser', () => {
    expect(reviewKeyAction(press('1', { ctrlKey: true }), 0, 3)).toBeNull();
    expect(reviewKeyAction(press('a', { metaKey: true }), 0, 3)).toBeNull();
    expect(reviewKeyAction(press('j', { altKey: true }), 0, 3)).toBeNull();
    expect(reviewKeyAction(press('x'), 0, 3)).toBeNull();
    expect(reviewKeyAction(press('F1'), 0, 3)).toBeNull();
    expect(reviewKeyAction(press('j'), 0, 0)).toBeNull();
  });
});
