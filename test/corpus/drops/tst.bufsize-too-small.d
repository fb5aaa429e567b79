/* A principal buffer under 8 bytes cannot be set up: tracing is refused before BEGIN. */
#pragma D option bufsize=7
BEGIN { printf("never\n"); exit(0); }
