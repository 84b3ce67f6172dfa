/**
 * The largest statement file we read: far above any real bank export (a 10-year OFX of a busy
 * account is a few MB), low enough that a mistaken drop (a video, a disk image) is refused at
 * once instead of freezing the tab.
 */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;
