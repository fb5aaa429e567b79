/* Enumerator values are ints. */
enum e { ONE = 0x80000000 };
BEGIN { exit(0); }
