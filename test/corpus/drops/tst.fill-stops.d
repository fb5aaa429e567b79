/* Under bufpolicy=fill tracing ends when the buffer is full: four 16-byte records fill 64 bytes. */
#pragma D option quiet
#pragma D option bufpolicy=fill
#pragma D option bufsize=64
int n;
tick-10ms { printf("%d\n", n++); }
tick-10ms /n > 50/ { exit(3); }
