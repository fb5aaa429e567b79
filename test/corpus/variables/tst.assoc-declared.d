#pragma D option quiet
int counts[string];
BEGIN { counts["a"] += 2; printf("%d %d\n", counts["a"], counts["b"]); exit(0); }
