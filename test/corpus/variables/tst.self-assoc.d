#pragma D option quiet
BEGIN { self->m["a"] = 4; printf("%d %d\n", self->m["a"], self->m["b"]); exit(0); }
