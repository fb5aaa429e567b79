#pragma D option quiet
BEGIN { self->spec = speculation(); }
BEGIN { speculate(self->spec); printf("speculative\n"); }
BEGIN { printf("direct\n"); }
BEGIN { commit(self->spec); }
BEGIN { exit(0); }
