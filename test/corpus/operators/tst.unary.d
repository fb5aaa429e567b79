#pragma D option quiet
BEGIN { printf("%d %d %d %d %d %d\n", -(-5), ~0, !0, !5, +3, ~5); exit(0); }
