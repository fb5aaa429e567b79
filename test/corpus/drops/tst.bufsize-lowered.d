/* A buffer size beyond what can be had is halved until it fits, and the new size is reported. */
#pragma D option quiet
#pragma D option bufsize=1t
#pragma D option aggsize=300m
BEGIN { printf("traced\n"); exit(0); }
