#pragma D option quiet
/* BEGIN and END fire in the consumer's own process, as in dtrace. */
BEGIN { printf("%s\n", execname); exit(0); }
END { printf("%s\n", execname); }
