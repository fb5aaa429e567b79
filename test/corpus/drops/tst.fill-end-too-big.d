/* Under the fill policy the buffer must keep room for END's records; a 64-byte string does not fit in 32. */
#pragma D option bufpolicy=fill
#pragma D option bufsize=32
#pragma D option strsize=64
BEGIN { exit(0); }
END { trace(probename); }
