#pragma D option quiet
BEGIN { trace("a"); trace(1); trace(4294967296); trace(-3); printf("\n"); exit(0); }
